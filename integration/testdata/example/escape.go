//go:build go1.21

// This file holds escape's examples, one per family: a guarded map used
// after its lock is released, the address of a loop variable stored in a
// map (this file is at Go 1.21, one variable per loop), and a linkname
// into the runtime's map implementation.
package example

import (
	"sync"
	_ "unsafe"
)

// Conns is a set of connections guarded by mu.
type Conns struct {
	mu    sync.Mutex
	conns map[string]int
}

// NewConns returns an empty set.
func NewConns() *Conns { return &Conns{conns: make(map[string]int)} }

// Add adds a connection.
func (c *Conns) Add(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.conns[name]++
}

// Total ranges over the map after the unlock.
func (c *Conns) Total() int {
	c.mu.Lock()
	conns := c.conns
	c.mu.Unlock()
	n := 0
	for _, v := range conns {
		n += v
	}
	return n
}

// Index maps each name to its entry in names.
func Index(names []string) map[string]*string {
	m := make(map[string]*string)
	for _, n := range names {
		m[n] = &n
	}
	return m
}

//go:linkname mapiternext runtime.mapiternext
func mapiternext(it uintptr)
