// Package knownmiss holds escapes the pass does not find yet. Each is a
// real hazard; none has a want comment.
package knownmiss

import (
	"iter"
	"sync"
)

// google/adk-go, issue 561: All releases the read lock inside the range
// and takes it again after yield, so Set writes the map while the range's
// iterator is alive. The lock is held at every step the range takes, so
// no use happens without it: the pass would need to know that a range's
// iterator spans the whole loop.
type state struct {
	mu    sync.RWMutex
	state map[string]any
}

func (s *state) Set(k string, v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state[k] = v
}

func (s *state) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		s.mu.RLock()
		for k, v := range s.state {
			s.mu.RUnlock()
			if !yield(k, v) {
				return
			}
			s.mu.RLock()
		}
		s.mu.RUnlock()
	}
}

// An alias handed to a function of the package that ranges over it after
// the unlock: only uses in the function that loads the map are followed.
type Set struct {
	mu sync.Mutex
	m  map[string]bool
}

func (s *Set) Add(k string) {
	s.mu.Lock()
	s.m[k] = true
	s.mu.Unlock()
}

func (s *Set) Count() int {
	s.mu.Lock()
	m := s.m
	s.mu.Unlock()
	return count(m)
}

func count(m map[string]bool) int {
	n := 0
	for range m {
		n++
	}
	return n
}
