// Package guarded exercises every way a guarded map leaves its lock:
// returned, stored in another object or a package variable, captured by a
// goroutine or a stored callback, used through an alias after the unlock,
// a map held inside the guarded one read after RUnlock, an iterator run
// after the unlock, and a guard declared with //maplint:guardedby.
package guarded

import (
	"maps"
	"sync"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	hooks []func()
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

// Items returns the live map.
func (c *Cache) Items() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items // want `map c.items escapes its guard c.mu: returned to callers, who use it without the lock`
}

// Sum ranges over an alias after the unlock.
func (c *Cache) Sum() int {
	c.mu.Lock()
	items := c.items // want `map c.items escapes its guard c.mu: ranged over after the unlock`
	c.mu.Unlock()
	n := 0
	for _, v := range items {
		n += v
	}
	return n
}

// Lookup reads an alias after the unlock.
func (c *Cache) Lookup(k string) int {
	c.mu.Lock()
	items := c.items // want `map c.items escapes its guard c.mu: read after the unlock`
	c.mu.Unlock()
	return items[k]
}

type Report struct{ Items map[string]int }

// Fill stores the map in another object.
func (c *Cache) Fill(r *Report) {
	c.mu.Lock()
	r.Items = c.items // want `map c.items escapes its guard c.mu: stored in r.Items, which outlives the critical section`
	c.mu.Unlock()
}

var last map[string]int

// Publish stores the map in a package variable.
func (c *Cache) Publish() {
	c.mu.Lock()
	last = c.items // want `map c.items escapes its guard c.mu: stored in package variable last, which outlives the critical section`
	c.mu.Unlock()
}

// Watch hands the map to a goroutine.
func (c *Cache) Watch(out chan<- int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	items := c.items // want `map c.items escapes its guard c.mu: captured by a goroutine, which uses it without the lock`
	go func() {
		for _, v := range items {
			out <- v
		}
	}()
}

// OnClose stores a callback that reads the map later.
func (c *Cache) OnClose(report func(string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	items := c.items // want `map c.items escapes its guard c.mu: captured by a function literal stored for later, which runs without the lock`
	c.hooks = append(c.hooks, func() {
		for k := range items {
			report(k)
		}
	})
}

// Keys runs the iterator after the unlock.
func (c *Cache) Keys() []string {
	c.mu.Lock()
	keys := maps.Keys(c.items) // want `map c.items escapes its guard c.mu: iterated after the unlock`
	c.mu.Unlock()
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	return out
}

type Config struct {
	mu   sync.RWMutex
	conf map[string]map[string]string
}

func (c *Config) Set(section, k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conf[section] == nil {
		c.conf[section] = make(map[string]string)
	}
	c.conf[section][k] = v
}

// Section copies a map held in the guarded one after RUnlock.
func (c *Config) Section(section string) map[string]string {
	c.mu.RLock()
	sub := c.conf[section] // want `a map held in c.conf escapes its guard c.mu: read by maps.Copy after the unlock; no fix: a copy of c.conf would still share the maps held in it$`
	c.mu.RUnlock()
	out := make(map[string]string)
	maps.Copy(out, sub)
	return out
}

type Registry struct {
	mu sync.Mutex
	// Written by Add without the lock today; the declaration says it
	// should be held, so what escapes it is reported all the same.
	names map[string]bool //maplint:guardedby mu
}

func (r *Registry) Add(n string) { r.names[n] = true }

func (r *Registry) Names() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.names // want `map r.names escapes its guard r.mu: returned to callers`
}

// Conns replaces its map in the critical section only in ways that leave
// the snapshot shared: the field of another object, or a helper that
// replaces the map only when it is empty (the silent twins, which always
// replace the field of the loaded object, are in guardedsilent).
type Conns struct {
	mu    sync.Mutex
	conns map[*int]struct{}
}

func (cc *Conns) Add(c *int) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.conns[c] = struct{}{}
}

func (cc *Conns) Remove(c *int) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	delete(cc.conns, c)
}

func (cc *Conns) Has(c *int) bool {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	_, ok := cc.conns[c]
	return ok
}

func (cc *Conns) CloseInto(other *Conns) {
	cc.mu.Lock()
	conns := cc.conns // want `map cc.conns escapes its guard cc.mu: ranged over after the unlock`
	other.conns = nil
	cc.mu.Unlock()
	for c := range conns {
		*c = 0
	}
}

// resetIfEmptyLocked is called with cc.mu held.
func (cc *Conns) resetIfEmptyLocked() {
	if len(cc.conns) == 0 {
		cc.conns = make(map[*int]struct{})
	}
}

func (cc *Conns) EnterIdle() {
	cc.mu.Lock()
	conns := cc.conns // want `map cc.conns escapes its guard cc.mu: ranged over after the unlock`
	cc.resetIfEmptyLocked()
	cc.mu.Unlock()
	for c := range conns {
		*c = 0
	}
}

// Notifier is the twin of guardedsilent's Notifier (prometheus's
// notifier.Manager) whose package code also writes entries of the
// published map: the snapshot in URLs is then shared with that writer.
type Notifier struct {
	mtx  sync.RWMutex
	sets map[string][]string
}

func (n *Notifier) AddSet(k string, urls []string) {
	n.mtx.Lock()
	defer n.mtx.Unlock()
	n.sets[k] = urls
}

func (n *Notifier) Send() int {
	n.mtx.RLock()
	defer n.mtx.RUnlock()
	c := 0
	for _, s := range n.sets {
		c += len(s)
	}
	return c
}

func (n *Notifier) URLs() []string {
	n.mtx.RLock()
	sets := n.sets // want `map n.sets escapes its guard n.mtx: ranged over after the unlock`
	n.mtx.RUnlock()
	var out []string
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}

// Agent is the positive twin of guardedsilent.Agent: the entries are
// deleted after the read lock is released.
type Agent struct {
	mtx     sync.RWMutex
	deleted map[int]int
}

func (a *Agent) Mark(ref, seg int) {
	a.mtx.Lock()
	defer a.mtx.Unlock()
	a.deleted[ref] = seg
}

func (a *Agent) Truncate(mint int) {
	a.mtx.RLock()
	deleted := a.deleted // want `map a.deleted escapes its guard a.mtx: ranged over after the unlock; no fix: the function writes the map through this reference, and a copy would lose the writes$`
	a.mtx.RUnlock()
	for ref, last := range deleted {
		if last <= mint {
			delete(deleted, ref)
		}
	}
}

func (a *Agent) Pending() int {
	a.mtx.RLock()
	defer a.mtx.RUnlock()
	return len(a.deleted)
}

// The package's registry, returned whole as caddy's cmd.Commands returns
// its commands map: the fix copies the package variable while the read
// lock is held.
var (
	commandsMu sync.RWMutex
	commands   = make(map[string]int)
)

func RegisterCommand(name string, n int) {
	commandsMu.Lock()
	defer commandsMu.Unlock()
	commands[name] = n
}

func Commands() map[string]int {
	commandsMu.RLock()
	defer commandsMu.RUnlock()
	return commands // want `map commands escapes its guard commandsMu: returned to callers, who use it without the lock$`
}
