// This file exercises what a goroutine reaches through interface method
// calls (every implementation in the package that the package converts to
// an interface) and through a func field that the package sets once
// (c.onEvict = c.evicted), each with a silent twin that locks.
package dynamiccalls

import "sync"

type Handler interface{ Handle(k string) }

type Counter struct{ seen map[string]int }

func (c *Counter) Handle(k string) { // want Handle:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	c.seen[k]++ // want `concurrent write to map c.seen \(held: none\); also accessed by other goroutines started in a loop in Fanout`
}

type LockedCounter struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *LockedCounter) Handle(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[k]++
}

func Fanout(h Handler, keys []string) {
	for _, k := range keys {
		go func() { h.Handle(k) }()
	}
}

type Expiry struct {
	mu      sync.Mutex
	items   map[string]int
	onEvict func(string)
}

func NewExpiry() *Expiry {
	c := &Expiry{items: map[string]int{}}
	c.onEvict = c.evicted
	return c
}

func (c *Expiry) evicted(k string) {
	delete(c.items, k) // want `concurrent write to map c.items \(held: none\); also accessed by other goroutines started in a loop in \(\*Expiry\).Expire`
}

func (c *Expiry) Expire(keys []string) {
	for _, k := range keys {
		go func() { c.onEvict(k) }()
	}
}

func (c *Expiry) ExpireLocked(keys []string) {
	for _, k := range keys {
		go func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.onEvict(k)
		}()
	}
}
