// Package lockedlib is limiters' Registry after the fix: a mutex guards m,
// so no function has an AccessFact (the lock is the package's contract with
// its callers) and its importers' calls are no accesses of theirs.
package lockedlib

import "sync"

// Registry holds values by key.
type Registry struct {
	mu sync.Mutex
	m  map[string]any
}

// New creates a Registry.
func New() *Registry { return &Registry{m: make(map[string]any)} }

// GetOrCreate returns the value for key, creating it with c.
func (r *Registry) GetOrCreate(key string, c func() any) any {
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.m[key]; ok {
		return v
	}
	v := c()
	r.m[key] = v
	return v
}

// DeleteAll forgets every value.
func (r *Registry) DeleteAll() {
	r.mu.Lock()
	clear(r.m)
	r.mu.Unlock()
}

// Peek reads m without the lock: a finding of this package's (the write
// holds r.mu), not a fact for its importers.
func (r *Registry) Peek(key string) any { return r.m[key] }
