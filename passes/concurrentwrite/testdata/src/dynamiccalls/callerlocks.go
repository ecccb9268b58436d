// This file exercises the locks of callers reached through interface
// method calls: a method that the package runs only through an interface
// runs under the locks that every such call holds, and one call without
// the lock leaves it unguarded.
package dynamiccalls

import "sync"

// Every call of evict holds c.mu: silent.
type policy interface{ evict(c *Cache) }

type lru struct{}

func (lru) evict(c *Cache) { delete(c.items, c.oldest) }

type Cache struct {
	mu     sync.Mutex
	items  map[string]int
	oldest string
	policy policy
}

func NewCache() *Cache { return &Cache{items: map[string]int{}, policy: lru{}} }

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	c.policy.evict(c)
}

// Trim calls evict without c.mu: reported.
type trimmer interface{ trim(c *Table) }

type fifo struct{}

func (fifo) trim(c *Table) {
	delete(c.rows, c.first) // want `concurrent write to map c.rows without c.mu \(held: none\)`
}

type Table struct {
	mu     sync.Mutex
	rows   map[string]int
	first  string
	policy trimmer
}

func NewTable() *Table { return &Table{rows: map[string]int{}, policy: fifo{}} }

func (c *Table) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows[k] = v
	c.policy.trim(c)
}

func (c *Table) Trim() { c.policy.trim(c) }

// The receiver's own lock, held around the interface call: silent.
type resetter interface{ reset() }

type Stats struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *Stats) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func (s *Stats) reset() { clear(s.m) }

func (s *Stats) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var r resetter = s
	r.reset()
}

// Without it (the known miss of earlier versions): reported.
type Counts struct {
	mu sync.Mutex
	m  map[string]int
}

type clearer interface{ clear() }

func (s *Counts) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func (s *Counts) clear() {
	clear(s.m) // want `concurrent write to map s.m without s.mu \(held: none\)`
}

func ClearAll(cs []clearer) {
	for _, c := range cs {
		c.clear()
	}
}

var _ clearer = &Counts{}
