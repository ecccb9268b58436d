// Package v1 is a stub of k8s.io/client-go/kubernetes/typed/core/v1: the
// generated typed client of ConfigMaps.
package v1

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

type CoreV1Interface interface {
	ConfigMaps(namespace string) ConfigMapInterface
}

type ConfigMapInterface interface {
	Get(ctx context.Context, name string, opts metav1.GetOptions) (*corev1.ConfigMap, error)
	Update(ctx context.Context, configMap *corev1.ConfigMap, opts metav1.UpdateOptions) (*corev1.ConfigMap, error)
}
