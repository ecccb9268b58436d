// Package cache is a stub of sigs.k8s.io/controller-runtime/pkg/cache.
package cache

type Config struct {
	LabelSelector string
}

type Options struct {
	Scheme            *int
	DefaultNamespaces map[string]Config
}
