// This file exercises calls into another package: a function that requires
// its caller's lock, called with and without it (facts).
package crossuser

import "store"

func Bad(s *store.Store) {
	s.PutLocked("a", 1) // want `concurrent write to map s.m by PutLocked without s.mu \(held: none\); its package calls it holding the lock`
}

func Good(s *store.Store) {
	s.Lock()
	defer s.Unlock()
	s.PutLocked("a", 1)
}

func Fresh() *store.Store {
	s := store.New()
	s.Lock()
	s.PutLocked("b", 2)
	s.Unlock()
	return s
}
