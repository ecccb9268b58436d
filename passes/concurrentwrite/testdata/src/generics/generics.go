// This file exercises a generic type guarded by its mutex, and a generic
// map type parameter written from goroutines.
package generics

import (
	"maps"
	"sync"
)

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *Cache[K, V]) Set(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *Cache[K, V]) Delete(k K) {
	delete(c.m, k) // want `concurrent write to map c.m without c.mu \(held: none\); also accessed by \(\*Cache\[K, V\]\).Set`
}

func FillAll[M ~map[K]V, K comparable, V any](dst M, srcs []M) {
	var wg sync.WaitGroup
	for _, src := range srcs {
		wg.Go(func() {
			maps.Copy(dst, src) // want `concurrent write to map dst \(held: none\)`
		})
	}
	wg.Wait()
}
