package knownmiss

import "sync"

// A constructor that publishes the object it builds in a package variable
// before its init helper fills a map: another goroutine can reach the
// object through the variable while the helper writes. The pass takes an
// object the function allocated as not yet shared whatever the function
// did with it (IsFresh does not follow stores of the pointer), so the
// helper's write is missed, with p a plain variable as with p a named
// result kept in a cell that a closure reads (callerlocks/pebble.go's
// shape).

type registry struct {
	mu   sync.RWMutex
	objs map[string]int
}

var current *registry

func Current(n string) int {
	current.mu.RLock()
	defer current.mu.RUnlock()
	return current.objs[n]
}

func (r *registry) Put(n string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.objs[n] = 1
}

func NewRegistry(names []string) *registry {
	r := &registry{objs: make(map[string]int)}
	current = r
	r.fill(names)
	return r
}

func NewRegistryCell(names []string) (r *registry) {
	defer func() {
		if r == nil {
			current = nil
		}
	}()
	r = &registry{objs: make(map[string]int)}
	publish := func() { current = r }
	publish()
	r.fill(names)
	return r
}

func (r *registry) fill(names []string) {
	for i, n := range names {
		r.objs[n] = i // missed: r is already in current
	}
}
