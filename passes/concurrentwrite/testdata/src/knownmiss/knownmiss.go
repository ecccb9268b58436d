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

// known miss: an unguarded read racing with the locked writes (only writes
// are reported).
func (s *Stats) Peek(k string) int { return s.m[k] }

// known miss: an unexported method only called through an interface runs
// under whatever lock its callers hold, which is not known.
type resetter interface{ reset() }

func (s *Stats) reset() { clear(s.m) }

func ResetAll(rs []resetter) {
	for _, r := range rs {
		r.reset()
	}
}

// known miss: a lock taken through a sync.Locker interface is not modelled;
// the write below is silent only because it is neither locked nor guarded
// for certain.
func Through(l sync.Locker, m map[string]int) {
	l.Lock()
	m["x"] = 1
	l.Unlock()
}

// known miss: a goroutine started by a method and a write in another
// method of the same object are not paired (only the spawner's own code is).
func (s *Stats) Start() {
	go func() {
		for range 3 {
			_ = len(s.m)
		}
	}()
}

func (s *Stats) Bump() { s.m["bump"]++ } // want `concurrent write to map s.m without s.mu`
