// Package v1 is a stub of k8s.io/client-go/kubernetes/typed/networking/v1:
// the generated typed client of Ingresses.
package v1

import (
	"context"

	netv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

type NetworkingV1Interface interface {
	Ingresses(namespace string) IngressInterface
}

type IngressInterface interface {
	Get(ctx context.Context, name string, opts metav1.GetOptions) (*netv1.Ingress, error)
	Create(ctx context.Context, ingress *netv1.Ingress, opts metav1.CreateOptions) (*netv1.Ingress, error)
}
