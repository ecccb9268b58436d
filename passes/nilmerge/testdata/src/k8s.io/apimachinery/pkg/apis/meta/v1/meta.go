// Package v1 is a stub of k8s.io/apimachinery/pkg/apis/meta/v1: the
// object metadata whose maps an API server leaves nil when the object has
// none.
package v1

type ObjectMeta struct {
	Name        string
	Namespace   string
	Labels      map[string]string
	Annotations map[string]string
}

func (m *ObjectMeta) GetName() string                    { return m.Name }
func (m *ObjectMeta) GetAnnotations() map[string]string  { return m.Annotations }
func (m *ObjectMeta) SetAnnotations(a map[string]string) { m.Annotations = a }
func (m *ObjectMeta) DeepCopyInto(out *ObjectMeta)       { *out = *m }
func (m *ObjectMeta) Unmarshal(dAtA []byte) error        { return nil } // generated protobuf decoding

type GetOptions struct{}

type UpdateOptions struct{}

type CreateOptions struct{}
