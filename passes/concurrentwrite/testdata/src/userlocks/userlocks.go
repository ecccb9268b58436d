// This file exercises locks as users write them: an embedded RWMutex, a
// sync.Locker field and parameter, TryLock that succeeded, a lock in a
// parent struct reached through a pointer field, and sync.Once bodies.
// Each has a positive twin that forgets the lock.
package userlocks

import (
	"sync"
	"time"
)

// Embedded RWMutex.
type Cache struct {
	sync.RWMutex
	items map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.Lock()
	defer c.Unlock()
	c.items[k] = v
}

func (c *Cache) Get(k string) int {
	c.RLock()
	defer c.RUnlock()
	return c.items[k]
}

func (c *Cache) Drop(k string) {
	delete(c.items, k) // want `concurrent write to map c.items without c.RWMutex \(held: none\)`
}

// A sync.Locker field.
type Guarded struct {
	mu sync.Locker
	m  map[string]int
}

func (g *Guarded) Set(k string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.m[k] = 1
}

func (g *Guarded) Inc(k string) {
	g.mu.Lock()
	g.m[k]++
	g.mu.Unlock()
}

func (g *Guarded) Reset(k string) {
	g.m[k] = 0 // want `concurrent write to map g.m without g.mu \(held: none\)`
}

// A sync.Locker parameter guarding a package variable.
var registry = map[string]int{}

func Register(l sync.Locker, k string) {
	l.Lock()
	registry[k] = 1
	l.Unlock()
}

// TryLock that succeeded holds the lock.
type Throttle struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func (t *Throttle) Note(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last[k] = time.Time{}
}

func (t *Throttle) TryNote(k string) bool {
	if !t.mu.TryLock() {
		return false
	}
	defer t.mu.Unlock()
	t.last[k] = time.Time{}
	return true
}

func (t *Throttle) MaybeNote(k string) {
	if t.mu.TryLock() {
		t.last[k] = time.Time{}
		t.mu.Unlock()
	}
	delete(t.last, k+"-old") // want `concurrent write to map t.last without t.mu \(held: none\)`
}

// A child whose map its parent's mutex guards.
type Parent struct {
	mu       sync.Mutex
	children []*Child
}

type Child struct {
	parent *Parent
	attrs  map[string]string
}

func (c *Child) SetAttr(k, v string) {
	c.parent.mu.Lock()
	defer c.parent.mu.Unlock()
	c.attrs[k] = v
}

func (c *Child) Attr(k string) string {
	c.parent.mu.Lock()
	defer c.parent.mu.Unlock()
	return c.attrs[k]
}

type Child2 struct {
	parent *Parent
	attrs  map[string]string
}

func (c *Child2) SetAttr(k, v string) {
	c.parent.mu.Lock()
	defer c.parent.mu.Unlock()
	c.attrs[k] = v
}

func (c *Child2) Attr(k string) string {
	return c.attrs[k] // want `concurrent read of map c.attrs without c.parent.mu \(held: none\)`
}

// sync.Once bodies run once, and every caller waits for them.
type Lazy struct {
	once sync.Once
	mu   sync.Mutex
	m    map[string]int
}

func (l *Lazy) init() {
	l.once.Do(func() {
		l.m = map[string]int{}
		l.m["default"] = 1
	})
}

func (l *Lazy) Get(k string) int {
	l.init()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.m[k]
}

func (l *Lazy) Put(k string, v int) {
	l.init()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.m[k] = v
}
