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
