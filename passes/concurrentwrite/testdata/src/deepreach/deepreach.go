// This file exercises what a goroutine reaches more than four calls below
// the function it starts: a map written six calls down, reached through a
// static chain, a method value handed to another package's function (go
// wait.Until(c.worker, ...)), a closure called through a variable, an
// interface call with one implementation in the package, and a cycle of
// calls. Each has a silent twin that locks or orders the access.
package deepreach

import (
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

// A static chain: Start's goroutine writes s.seen six calls below.
type Store struct{ seen map[string]int }

func (s *Store) Start(k string) { // want Start:`writes\(\$0\.#0\)`
	go s.l1(k)
	s.seen[k] = 0 // want `concurrent write to map s.seen \(held: none\); also accessed by the goroutine started in \(\*Store\).Start`
}

func (s *Store) l1(k string) { s.l2(k) }
func (s *Store) l2(k string) { s.l3(k) }
func (s *Store) l3(k string) { s.l4(k) }
func (s *Store) l4(k string) { s.l5(k) }
func (s *Store) l5(k string) { s.l6(k) }
func (s *Store) l6(k string) {
	s.seen[k]++ // want `concurrent write to map s.seen \(held: none\); also accessed by \(\*Store\).Start after it starts the goroutine started in \(\*Store\).Start`
}

// The same chain with a lock taken half-way and by the spawner: silent.
type LockedStore struct {
	mu   sync.Mutex
	seen map[string]int
}

func (s *LockedStore) Start(k string) {
	go s.l1(k)
	s.mu.Lock()
	s.seen[k] = 0
	s.mu.Unlock()
}

func (s *LockedStore) l1(k string) { s.l2(k) }
func (s *LockedStore) l2(k string) { s.l3(k) }
func (s *LockedStore) l3(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l4(k)
}
func (s *LockedStore) l4(k string) { s.l5(k) }
func (s *LockedStore) l5(k string) { s.l6(k) }
func (s *LockedStore) l6(k string) { s.seen[k]++ }

// The chain passes the map itself down as a parameter, six calls deep,
// from goroutines started in a loop.
func Count(keys []string) map[string]int {
	counts := map[string]int{}
	for _, k := range keys {
		go p1(counts, k)
	}
	return counts
}

func p1(m map[string]int, k string) { p2(m, k) }
func p2(m map[string]int, k string) { p3(m, k) }
func p3(m map[string]int, k string) { p4(m, k) }
func p4(m map[string]int, k string) { p5(m, k) }
func p5(m map[string]int, k string) { p6(m, k) }
func p6(m map[string]int, k string) {
	m[k]++ // want `concurrent write to map m \(held: none\); also accessed by other goroutines started in a loop in Count`
}

// The same with the goroutines waited for one at a time: silent.
func CountInOrder(keys []string) map[string]int {
	counts := map[string]int{}
	for _, k := range keys {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			q1(counts, k)
		}()
		wg.Wait()
	}
	return counts
}

func q1(m map[string]int, k string) { q2(m, k) }
func q2(m map[string]int, k string) { q3(m, k) }
func q3(m map[string]int, k string) { q4(m, k) }
func q4(m map[string]int, k string) { q5(m, k) }
func q5(m map[string]int, k string) { q6(m, k) }
func q6(m map[string]int, k string) { m[k]++ }

// go wait.Until(c.worker, ...), the write five calls below the worker.
type Controller struct{ cache map[string]int }

func (c *Controller) Run(stop <-chan struct{}) {
	go wait.Until(c.worker, time.Second, stop)
}

func (c *Controller) worker()  { c.sync() }
func (c *Controller) sync()    { c.process() }
func (c *Controller) process() { c.handle() }
func (c *Controller) handle()  { c.update() }
func (c *Controller) update()  { c.store() }
func (c *Controller) store() {
	c.cache["synced"]++ // want `concurrent write to map c.cache \(held: none\); also accessed by \(\*Controller\).Lookup`
}

func (c *Controller) Lookup(k string) int { return c.cache[k] } // want `concurrent read of map c.cache \(held: none\); also written by the goroutine started in \(\*Controller\).Run` Lookup:`reads\(\$0\.#0\)`

type LockedController struct {
	mu    sync.Mutex
	cache map[string]int
}

func (c *LockedController) Run(stop <-chan struct{}) {
	go wait.Until(c.worker, time.Second, stop)
}

func (c *LockedController) worker()  { c.sync() }
func (c *LockedController) sync()    { c.process() }
func (c *LockedController) process() { c.handle() }
func (c *LockedController) handle()  { c.update() }
func (c *LockedController) update() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store()
}
func (c *LockedController) store() { c.cache["synced"]++ }

func (c *LockedController) Lookup(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cache[k]
}
