// This file holds the code that the tests of this package drive, in the
// shape of jellydator/ttlcache v3.4.1: a cache whose items are guarded by
// a mutex of a nested struct, and whose loop evicts them.
package testhelpers

import (
	"sync"
	"time"
)

type Cache struct {
	items struct {
		mu     sync.Mutex
		values map[string]int
	}
	onEvict func(string)
	stop    chan struct{}
}

func (c *Cache) Set(k string, v int) {
	c.items.mu.Lock()
	defer c.items.mu.Unlock()
	c.items.values[k] = v
}

func (c *Cache) Get(k string) int {
	c.items.mu.Lock()
	defer c.items.mu.Unlock()
	return c.items.values[k]
}

// New returns a cache whose eviction loop runs.
func New() *Cache {
	c := &Cache{stop: make(chan struct{})}
	c.items.values = make(map[string]int)
	go c.Start()
	return c
}

func (c *Cache) Incr(k string) { c.Set(k, c.Get(k)+1) }

// Start evicts every item on each tick, until stop is closed.
func (c *Cache) Start() {
	for {
		select {
		case <-c.stop:
			return
		case <-time.After(time.Millisecond):
		}
		c.items.mu.Lock()
		for k := range c.items.values {
			delete(c.items.values, k)
			c.onEvict(k)
		}
		c.items.mu.Unlock()
	}
}

// Fill is package code that only a test calls, under the lock: a test
// holding a lock must not silence a write of the package, which its
// users may call without it.
func (c *Cache) Fill(k string) {
	c.items.values[k] = 0 // want `concurrent write to map c.items.values without c.items.mu \(held: none\)`
}
