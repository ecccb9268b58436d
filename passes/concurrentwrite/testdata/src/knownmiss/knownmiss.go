// This file records what the pass does not see (known misses), so that a
// change that starts catching them shows up here.
package knownmiss

import (
	"sync"
)

type Stats struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *Stats) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func (s *Stats) Dec(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]--
}

// Found since reads are checked: an unguarded read racing with the locked
// writes.
func (s *Stats) Peek(k string) int { return s.m[k] } // want `concurrent read of map s.m without s.mu`

// known miss: an unexported method only called through an interface runs
// under whatever lock its callers hold, which is not known.
type resetter interface{ reset() }

func (s *Stats) reset() { clear(s.m) }

func ResetAll(rs []resetter) {
	for _, r := range rs {
		r.reset()
	}
}

// A lock taken through a sync.Locker parameter holds it: silent.
func Through(l sync.Locker, m map[string]int) {
	l.Lock()
	m["x"] = 1
	l.Unlock()
}

// The goroutine's read is found through the guard of the locked writes.
func (s *Stats) Start() {
	go func() {
		for range 3 {
			_ = len(s.m) // want `concurrent read of map s.m without s.mu`
		}
	}()
}

func (s *Stats) Bump() { s.m["bump"]++ } // want `concurrent write to map s.m without s.mu`

// A helper run by defer is a function used as a value: its accesses are
// neither findings nor evidence. Deferred calls run last-in first-out, so
// a helper deferred after `defer mu.Unlock()` runs first, under the lock
// (silent, rightly); one deferred before it runs after the unlock.
type Deferred struct {
	mu sync.Mutex
	m  map[string]int
}

func (d *Deferred) Put(k string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[k] = 1
}

func (d *Deferred) Bump(k string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	defer d.bumpLocked(k) // runs before the Unlock
	d.m[k] = 2
}

func (d *Deferred) bumpLocked(k string) { d.m[k]++ }

func (d *Deferred) Late(k string) {
	defer d.lateLocked(k) // runs after the Unlock
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[k] = 3
}

// known miss: runs after Late's deferred Unlock, without the lock.
func (d *Deferred) lateLocked(k string) { d.m[k]-- }
