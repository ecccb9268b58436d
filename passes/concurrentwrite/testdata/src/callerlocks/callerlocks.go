// This file exercises helpers that run under their callers' locks, in the
// shapes real code writes them: the caller locks through a local alias of
// the owner, chains of helpers, helpers that unlock and re-lock around a
// callback, callers that re-lock with a deferred Lock, locking decided by a
// boolean parameter correlated with the write, a lock closure, and
// initialisation helpers a constructor calls before the object escapes.
// Each shape has a positive twin in which one call site does not lock.
package callerlocks

import "sync"

// Alias of the owner: asm := c.asm; asm.mu.Lock(); c.removeFlapper(id).

type manager struct {
	mu       sync.Mutex
	flappers map[string]int
}

type Cluster struct{ asm *manager }

func (c *Cluster) Flap(id string) {
	c.asm.mu.Lock()
	defer c.asm.mu.Unlock()
	c.asm.flappers[id]++
}

func (c *Cluster) Heal(id string) {
	asm := c.asm
	asm.mu.Lock()
	defer asm.mu.Unlock()
	c.removeFlapper(id)
}

func (c *Cluster) Drop(id string) {
	asm := c.asm
	asm.mu.Lock()
	c.removeFlapper(id)
	asm.mu.Unlock()
}

// removeFlapper is called with c.asm.mu held.
func (c *Cluster) removeFlapper(id string) { delete(c.asm.flappers, id) }

type Cluster2 struct{ asm *manager }

func (c *Cluster2) Flap(id string) {
	c.asm.mu.Lock()
	defer c.asm.mu.Unlock()
	c.asm.flappers[id]++
}

func (c *Cluster2) Heal(id string) {
	asm := c.asm
	asm.mu.Lock()
	defer asm.mu.Unlock()
	c.removeFlapper(id)
}

func (c *Cluster2) Forget(id string) { c.removeFlapper(id) } // the twin: no lock

func (c *Cluster2) removeFlapper(id string) {
	delete(c.asm.flappers, id) // want `concurrent write to map c.asm.flappers without c.asm.mu \(held: none\)`
}

// A chain of helpers, and a helper that unlocks around a callback (which
// only works if the lock is held on entry), and callers that re-lock with a
// deferred Lock after a temporary unlock.

type Registry struct {
	mu      sync.Mutex
	entries map[string]int
	onEvict func(string)
}

func (r *Registry) Put(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries[k] = 1
}

func (r *Registry) Evict(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.evictLocked(k)
}

func (r *Registry) evictLocked(k string) { r.removeLocked(k) }

func (r *Registry) removeLocked(k string) {
	delete(r.entries, k)
	r.mu.Unlock()
	r.onEvict(k)
	r.mu.Lock()
	r.entries[k+"-evicted"] = 0
}

func (r *Registry) Sweep(keys []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range keys {
		r.wait()
		r.entries[k] = 2
	}
}

// wait drops the lock while it sleeps and takes it back when it returns.
func (r *Registry) wait() {
	r.mu.Unlock()
	defer r.mu.Lock()
	r.onEvict("")
}

type Registry2 struct {
	mu      sync.Mutex
	entries map[string]int
}

func (r *Registry2) Put(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries[k] = 1
}

func (r *Registry2) Evict(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.evictLocked(k)
}

func (r *Registry2) Purge(k string) { r.evictLocked(k) } // the twin: no lock

func (r *Registry2) evictLocked(k string) { r.removeLocked(k) }

func (r *Registry2) removeLocked(k string) {
	delete(r.entries, k) // want `concurrent write to map r.entries without r.mu \(held: none\).*; no fix: \(\*Registry2\)\.removeLocked is called in the package, where a caller may already hold r\.mu$`
}
