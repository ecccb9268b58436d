// This file exercises map writes made while holding only a read lock:
// assignment, delete, clear and maps.Copy.
package readlock

import (
	"maps"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *Cache) Get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	if !ok {
		c.m[k] = 0 // want `write to map c.m holding only read lock c.mu \(held: c.mu \(read\)\)`
	}
	return v
}

func (c *Cache) Drop(k string) {
	c.mu.RLock()
	delete(c.m, k) // want `write to map c.m holding only read lock c.mu`
	c.mu.RUnlock()
}

func (c *Cache) Clear() {
	c.mu.RLock()
	defer c.mu.RUnlock()
	clear(c.m) // want `write to map c.m holding only read lock c.mu`
}

func (c *Cache) Merge(src map[string]int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	maps.Copy(c.m, src) // want `write to map c.m holding only read lock c.mu`
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

// Fill writes into its argument under the read lock: the map is the caller's,
// not the one the lock guards.
func (c *Cache) Fill(out map[string]int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for k, v := range c.m {
		out[k] = v
	}
}

// Local writes a map made under the read lock: nobody else has it.
func (c *Cache) Local() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string]int)
	for k, v := range c.m {
		out[k] = v
	}
	return out
}

// Touch is started by Poke, and also called by Refresh under the read
// lock: the write lock in Touch would deadlock there, so no fix.
func (c *Cache) Touch(k string) {
	c.mu.RLock()
	c.m[k]++ // want `write to map c.m holding only read lock c.mu`
	c.mu.RUnlock()
}

func (c *Cache) Refresh(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.Touch(k)
	return len(c.m)
}

func (c *Cache) Poke(k string) {
	go c.Touch(k)
}
