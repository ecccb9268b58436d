// Package v1 is a stub of k8s.io/api/core/v1 with the generated methods
// that matter to nilmerge: DeepCopy, and the protobuf Unmarshal every API
// type has (which, like JSON, leaves a map absent from the input nil).
package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

type ConfigMap struct {
	metav1.ObjectMeta
	Data map[string]string
}

func (in *ConfigMap) DeepCopy() *ConfigMap       { out := *in; return &out }
func (m *ConfigMap) Unmarshal(dAtA []byte) error { return nil }

type Service struct {
	metav1.ObjectMeta
	Spec ServiceSpec
}

type ServiceSpec struct {
	Selector map[string]string
}

func (in *Service) DeepCopy() *Service { out := *in; return &out }
