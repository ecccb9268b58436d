// Package readsoff is the silent twin of unguardedread's Lookup: by default
// (without -concurrentwrite.reads) a read made without the guard of the
// map's writes is not reported.
package readsoff

import "sync"

type Svc struct{}

type Registry struct {
	mu   sync.Mutex
	svcs map[string]Svc
}

func (r *Registry) Register(name string, s Svc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.svcs[name] = s
}

func (r *Registry) Lookup(name string) Svc {
	return r.svcs[name]
}
