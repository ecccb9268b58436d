package apiserver

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Known misses, in the original shapes of the bugs.

// int128/argocd-commenter#613 (controllers/annotation.go): the object read
// with Get is passed by value, its annotations are copied with the
// generated DeepCopy of another package (trusted), and written by a
// callback the caller passed in. Missed: a result of another package's
// method is trusted, and a map handed to a function value is not followed.
func patchAnnotation(ctx context.Context, c client.Client, a corev1.ConfigMap, f func(map[string]string)) error {
	annotations := a.DeepCopy().Annotations
	f(annotations)
	a.SetAnnotations(annotations)
	return c.Update(ctx, &a)
}

func reconcileHealth(ctx context.Context, c client.Client, key types.NamespacedName) error {
	var app corev1.ConfigMap
	if err := c.Get(ctx, key, &app); err != nil {
		return err
	}
	return patchAnnotation(ctx, c, app, func(annotations map[string]string) {
		annotations["last-health"] = "Healthy" // a known miss
	})
}

// jaegertracing/jaeger-operator#433 (pkg/inventory/service.go): the
// existing services come from a List in another package, through a slice
// and a map of values. Missed: a map reached through a slice or a map of
// structs, and a parameter of an exported function, are trusted.
func ForServices(existing []corev1.Service, desired []corev1.Service) []corev1.Service {
	update := []corev1.Service{}
	mdelete := map[string]corev1.Service{}
	for _, d := range existing {
		mdelete[d.Name] = d
	}
	for _, v := range desired {
		if t, ok := mdelete[v.Name]; ok {
			tp := t.DeepCopy()
			tp.Spec = v.Spec
			for k, val := range v.ObjectMeta.Annotations {
				tp.ObjectMeta.Annotations[k] = val // a known miss
			}
			update = append(update, *tp)
		}
	}
	return update
}
