package apiserver

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Silent twins of fdb.go: the nil does not reach the helper's write.

// The caller makes the annotations before handing them on.
func reconcileChecked(ctx context.Context, c client.Client, key types.NamespacedName, desired metav1.ObjectMeta) error {
	existing := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, existing); err != nil {
		return err
	}
	if existing.Annotations == nil {
		existing.Annotations = map[string]string{}
	}
	if mergeInto(&existing.ObjectMeta, desired) {
		return c.Update(ctx, existing)
	}
	return nil
}

func mergeInto(target *metav1.ObjectMeta, desired metav1.ObjectMeta) bool {
	return putAll(target.Annotations, desired.Annotations)
}

func putAll(target, desired map[string]string) bool {
	changed := false
	for k, v := range desired {
		if target[k] != v {
			target[k] = v
			changed = true
		}
	}
	return changed
}

// The helper makes the map itself when it is nil.
func reconcileSafeHelper(ctx context.Context, c client.Client, key types.NamespacedName, desired metav1.ObjectMeta) error {
	existing := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, existing); err != nil {
		return err
	}
	mergeSafe(&existing.ObjectMeta, desired)
	return c.Update(ctx, existing)
}

func mergeSafe(target *metav1.ObjectMeta, desired metav1.ObjectMeta) {
	if target.Annotations == nil {
		target.Annotations = map[string]string{}
	}
	for k, v := range desired.Annotations {
		target.Annotations[k] = v
	}
}

// The object handed to the helper was built here with its annotations.
func reconcileBuilt(ctx context.Context, c client.Client, desired metav1.ObjectMeta) error {
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: desired.Name, Annotations: map[string]string{}}}
	mergeBuilt(&cm.ObjectMeta, desired)
	return c.Create(ctx, cm)
}

func mergeBuilt(target *metav1.ObjectMeta, desired metav1.ObjectMeta) bool {
	return putAll(target.Annotations, desired.Annotations)
}

// The object decodes itself (UnmarshalJSON makes its annotations).
func reconcileSelfish(ctx context.Context, c client.Client, key types.NamespacedName, desired metav1.ObjectMeta) error {
	s := &Selfish{}
	if err := c.Get(ctx, key, s); err != nil {
		return err
	}
	mergeSelfish(&s.ObjectMeta, desired)
	return c.Update(ctx, s)
}

func mergeSelfish(target *metav1.ObjectMeta, desired metav1.ObjectMeta) bool {
	return putAll(target.Annotations, desired.Annotations)
}
