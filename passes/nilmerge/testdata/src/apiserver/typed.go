package apiserver

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// client-go's typed clients return the object decoded from the server's
// answer: the same nil map fields as controller-runtime's Get.

func stampTyped(ctx context.Context, cs kubernetes.Interface, ns, name string) error {
	cm, err := cs.CoreV1().ConfigMaps(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	cm.Annotations["stamped"] = "true" // want `write to map cm.Annotations, which is nil here: field Annotations of the object returned by v1.ConfigMapInterface.Get, which leaves it nil when the object has none`
	cm.Data["stamped"] = "true"        // want `write to map cm.Data, which is nil here: field Data of the object returned by v1.ConfigMapInterface.Get, which leaves it nil when the object has none`
	_, err = cs.CoreV1().ConfigMaps(ns).Update(ctx, cm, metav1.UpdateOptions{})
	return err
}

// Twin: the map is made when the object has none.
func stampTypedChecked(ctx context.Context, cs kubernetes.Interface, ns, name string) error {
	cm, err := cs.CoreV1().ConfigMaps(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	if cm.Annotations == nil {
		cm.Annotations = map[string]string{}
	}
	cm.Annotations["stamped"] = "true"
	_, err = cs.CoreV1().ConfigMaps(ns).Update(ctx, cm, metav1.UpdateOptions{})
	return err
}
