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
	c.m[k]++ // want `write to map c.m holding only read lock c.mu.*; no fix: \(\*Cache\)\.Touch is called in the package, where a caller may hold the read lock c\.mu$`
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

// Reload calls another function of the package under the read lock, which
// may take the read lock again: a read lock under the write lock
// deadlocks, so no fix.
func (c *Cache) Reload(k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.m[k] = c.size() // want `write to map c.m holding only read lock c.mu.*; no fix: the function calls c.size, which may read-lock c.mu again$`
}

func (c *Cache) size() int { return 1 }

// Hold leaves the unlock to its caller, through the method value it
// returns: there is no RUnlock call in the function to rename with the
// RLock, so no fix.
func (c *Cache) Hold(k string) func() { // want Hold:"acquires\\(\\$0.mu\\(r\\)\\)"
	c.mu.RLock()
	c.m[k] = 1 // want `write to map c.m holding only read lock c.mu.*; no fix: the function does not release the read lock c.mu itself$`
	return c.mu.RUnlock
}

// Peek read-locks through a helper: the call to rename is in rlock, which
// other callers share, so no fix.
func (c *Cache) Peek(k string) {
	c.rlock()
	c.m[k] = 2 // want `write to map c.m holding only read lock c.mu.*; no fix: c.mu is read-locked by a helper, not by an RLock call the fix can rename$`
	c.mu.RUnlock()
}

func (c *Cache) rlock() { c.mu.RLock() }
