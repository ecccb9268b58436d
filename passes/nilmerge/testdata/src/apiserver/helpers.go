package apiserver

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// A helper writes into a map field of the struct its pointer parameter
// points to, or into its map parameter, and a caller passes one that a
// source of the package leaves nil: the write in the helper is reported,
// naming the call and the source.

func setOwner(meta *metav1.ObjectMeta, owner string) {
	meta.Labels["owner"] = owner // want `write to map meta.Labels, which is nil here: meta.Labels is nil at this call to setOwner \(field Labels fetched by client.Reader.Get, which leaves it nil when the object has none at helpers.go:23\) at helpers.go:26`
}

func adopt(ctx context.Context, c client.Client, key types.NamespacedName) error {
	cm := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, cm); err != nil {
		return err
	}
	setOwner(&cm.ObjectMeta, "operator")
	return c.Update(ctx, cm)
}

type Options struct {
	Name   string
	Labels map[string]string
}

func label(labels map[string]string, k, v string) {
	labels[k] = v // want `write to map labels, which is nil here: labels is passed a map that may be nil by this call to label \(field Labels left unset by the value created at helpers.go:40\) at helpers.go:41`
}

func defaults(name string) Options {
	o := Options{Name: name}
	label(o.Labels, "app", name)
	return o
}

// Twin: the struct is built with the map.
func defaultsTwin(name string) Options {
	o := Options{Name: name, Labels: map[string]string{}}
	labelTwin(o.Labels, "app", name)
	return o
}

func labelTwin(labels map[string]string, k, v string) {
	labels[k] = v
}

// A helper that tests an entry against a constant first: with a nil map
// the entry is the zero value, and the write is never reached.
func setOnce(labels map[string]string, k string) {
	if labels[k] != "" {
		labels[k] = "again"
	}
}

func onceCaller() {
	var labels map[string]string
	setOnce(labels, "x")
}
