// This file exercises the facts exported for other packages: a lock helper
// (Lock, Unlock) and a function every caller in this package calls holding
// the lock (PutLocked), which writes the guarded map.
package store

import "sync"

type Store struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *Store) Lock() { s.mu.Lock() } // want Lock:"acquires\\(\\$0.mu\\)"

func (s *Store) Unlock() { s.mu.Unlock() } // want Unlock:"releases\\(\\$0.mu\\)"

// PutLocked writes s.m; s.mu must be held.
func (s *Store) PutLocked(k string, v int) { s.m[k] = v } // want PutLocked:"requires\\(\\$0.mu\\) writes\\(\\$0.m\\)"

func (s *Store) Put(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.PutLocked(k, v)
}

func (s *Store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

// Table exports its lock: a caller can take it, but how much of its own
// work around PutLocked it must cover is the caller's design.
type Table struct {
	Mu sync.Mutex
	m  map[string]int
}

// PutLocked writes t.m; t.Mu must be held.
func (t *Table) PutLocked(k string, v int) { t.m[k] = v } // want PutLocked:"requires\\(\\$0.Mu\\) writes\\(\\$0.m\\)"

func (t *Table) Put(k string, v int) {
	t.Mu.Lock()
	defer t.Mu.Unlock()
	t.PutLocked(k, v)
}

func New() *Store { return &Store{m: map[string]int{}} }
