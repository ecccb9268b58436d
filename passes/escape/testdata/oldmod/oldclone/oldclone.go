// Package oldclone returns a guarded map in a Go 1.20 module, where
// maps.Clone does not exist: the finding says so instead of a fix.
package oldclone

import "sync"

type Cache struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	c.items[k] = v
	c.mu.Unlock()
}

func (c *Cache) Items() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items // want `map c.items escapes its guard c.mu: returned to callers, who use it without the lock; no fix: maps.Clone needs Go 1.21, and this file is go1.20$`
}
