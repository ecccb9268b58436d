// Package ctrl is a stub of sigs.k8s.io/controller-runtime (where Options
// is an alias of manager.Options).
package ctrl

import "sigs.k8s.io/controller-runtime/pkg/cache"

type Options struct {
	Cache            cache.Options
	Scheme           *int
	LeaderElectionID string
}
