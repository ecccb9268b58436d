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

// ConnPool is guardedsilent's ConnPool whose helper replaces the map only
// when it is empty: the snapshot stays shared with the writers.
type ConnPool[T any] struct {
	mu    sync.Mutex
	conns map[*T]struct{}
}

func (p *ConnPool[T]) Add(c *T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns[c] = struct{}{}
}

// resetIfEmptyLocked is called with p.mu held.
func (p *ConnPool[T]) resetIfEmptyLocked() {
	if len(p.conns) == 0 {
		p.conns = make(map[*T]struct{})
	}
}

func (p *ConnPool[T]) EnterIdle(reset func(*T)) {
	p.mu.Lock()
	conns := p.conns // want `map p.conns escapes its guard p.mu: ranged over after the unlock`
	p.resetIfEmptyLocked()
	p.mu.Unlock()
	for c := range conns {
		reset(c)
	}
}
