// Package v1 is a stub of k8s.io/api/networking/v1: the Ingress, whose
// maps an API server leaves nil when the object has none.
package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

type Ingress struct {
	metav1.ObjectMeta
	Spec IngressSpec
}

type IngressSpec struct {
	IngressClassName *string
}

func (in *Ingress) DeepCopy() *Ingress { out := *in; return &out }
