// Package types is a stub of k8s.io/apimachinery/pkg/types.
package types

type NamespacedName struct {
	Namespace string
	Name      string
}
