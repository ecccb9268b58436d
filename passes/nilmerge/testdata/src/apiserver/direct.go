package apiserver

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// The direct form of the class: the object is read with Get and its
// annotations written in the same function, through a Client value or a
// Reader.

func stamp(ctx context.Context, c client.Client, key types.NamespacedName) error {
	cm := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, cm); err != nil {
		return err
	}
	cm.Annotations["stamped"] = "true" // want `write to map cm.Annotations, which is nil here: field Annotations fetched by client.Reader.Get, which leaves it nil when the object has none`
	return c.Update(ctx, cm)
}

func stampValue(ctx context.Context, r client.Reader, key types.NamespacedName) (corev1.ConfigMap, error) {
	var cm corev1.ConfigMap
	if err := r.Get(ctx, key, &cm); err != nil {
		return cm, err
	}
	cm.Data["stamped"] = "true" // want `write to map cm.Data, which is nil here: field Data fetched by client.Reader.Get, which leaves it nil when the object has none`
	return cm, nil
}

// Silent twins.

// The caller makes sure of the map before the write.
func stampChecked(ctx context.Context, c client.Client, key types.NamespacedName) error {
	cm := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, cm); err != nil {
		return err
	}
	if cm.Annotations == nil {
		cm.Annotations = map[string]string{}
	}
	cm.Annotations["stamped"] = "true"
	return c.Update(ctx, cm)
}

// The object is built by the code with the map set, not read.
func stampBuilt(ctx context.Context, c client.Client, name string) error {
	cm := &corev1.ConfigMap{Data: map[string]string{}}
	cm.Name = name
	cm.Data["stamped"] = "true"
	return c.Create(ctx, cm)
}

// Selfish decodes itself: the client's JSON decoding calls its
// UnmarshalJSON, which makes the map whatever the object holds.
type Selfish struct {
	corev1.ConfigMap
}

func (s *Selfish) UnmarshalJSON(data []byte) error {
	s.Annotations = map[string]string{}
	return nil
}

func stampSelfish(ctx context.Context, c client.Client, key types.NamespacedName) error {
	s := &Selfish{}
	if err := c.Get(ctx, key, s); err != nil {
		return err
	}
	s.Annotations["stamped"] = "true"
	return c.Update(ctx, s)
}

// The object is handed to another function between the Get and the write:
// it may have set the map.
func stampAfterDefaults(ctx context.Context, c client.Client, key types.NamespacedName, defaults func(client.Object)) error {
	cm := &corev1.ConfigMap{}
	if err := c.Get(ctx, key, cm); err != nil {
		return err
	}
	defaults(cm)
	cm.Annotations["stamped"] = "true"
	return c.Update(ctx, cm)
}
