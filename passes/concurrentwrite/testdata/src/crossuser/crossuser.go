// This file exercises calls into another package: a function that requires
// its caller's lock, called with and without it (facts).
package crossuser

import "store"

func Bad(s *store.Store) {
	s.PutLocked("a", 1) // want `concurrent write to map s.m by PutLocked without s.mu \(held: none\); its package calls it holding the lock.*; no fix: s\.mu is not exported by package store$`
}

// BadTable could take t.Mu, which package store exports, around the call;
// but how much of what it does around PutLocked the lock must cover is
// its design, so no fix.
func BadTable(t *store.Table) {
	t.PutLocked("a", 1) // want `concurrent write to map t.m by PutLocked without t.Mu \(held: none\); its package calls it holding the lock; no fix: how much of the caller t.Mu must cover around PutLocked is a design decision$`
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
