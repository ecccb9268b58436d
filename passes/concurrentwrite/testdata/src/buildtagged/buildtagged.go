// This file exercises build constraints: the guarded type is here, the
// unguarded write is in a file excluded by its build tag and never seen.
package buildtagged

import "sync"

type Set struct {
	mu sync.Mutex
	m  map[string]bool
}

func (s *Set) Add(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = true
}

func (s *Set) Has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}
