package guarded

import "sync"

// A generic cache: the guard is inferred on the generic field, shared by
// every instantiation.
type Generic[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (g *Generic[K, V]) Put(k K, v V) {
	g.mu.Lock()
	g.m[k] = v
	g.mu.Unlock()
}

func (g *Generic[K, V]) All() map[K]V {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.m // want `map g.m escapes its guard g.mu: returned to callers`
}
