package callerlocks

import "sync"

// A lock decided by a parameter several calls up (nats-server's
// sublist.go): remove(sub, shouldLock, …) locks only when shouldLock and
// calls chkForRemoveNotification ("write lock should be held"), which
// calls matchNoLock, which calls match(subject, doLock=false). Remove
// passes shouldLock=true, RemoveBatch holds the lock and passes false:
// every call of the chain holds s.mu, though no function in it tests a
// parameter of its own.

type Sublist struct {
	mu    sync.RWMutex
	subs  map[string]int
	cache map[string]int
}

func (s *Sublist) Insert(subj string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[subj]++
	s.cache[subj] = s.subs[subj]
}

func (s *Sublist) Match(subject string) int { return s.match(subject, true) }

func (s *Sublist) matchNoLock(subject string) int { return s.match(subject, false) }

func (s *Sublist) match(subject string, doLock bool) int {
	if doLock {
		s.mu.RLock()
		defer s.mu.RUnlock()
	}
	return s.subs[subject] + s.cache[subject]
}

// Write lock should be held.
func (s *Sublist) chkForRemove(subj string) bool {
	return s.matchNoLock(subj) == 0
}

func (s *Sublist) remove(subj string, shouldLock bool) {
	if shouldLock {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	delete(s.subs, subj)
	s.chkForRemove(subj)
}

func (s *Sublist) Remove(subj string) { s.remove(subj, true) }

func (s *Sublist) RemoveBatch(subjs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, subj := range subjs {
		s.remove(subj, false)
	}
}

// The twin: one caller of the chain passes shouldLock=false without the
// lock.

type Sublist2 struct {
	mu    sync.RWMutex
	subs  map[string]int
	cache map[string]int
}

func (s *Sublist2) Insert(subj string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[subj]++
	s.cache[subj] = s.subs[subj]
}

func (s *Sublist2) Match(subject string) int { return s.match(subject, true) }

func (s *Sublist2) matchNoLock(subject string) int { return s.match(subject, false) }

func (s *Sublist2) match(subject string, doLock bool) int {
	if doLock {
		s.mu.RLock()
		defer s.mu.RUnlock()
	}
	return s.subs[subject] + s.cache[subject] // want `concurrent read of map s.subs without s.mu` `concurrent read of map s.cache without s.mu`
}

// Write lock should be held.
func (s *Sublist2) chkForRemove(subj string) bool {
	return s.matchNoLock(subj) == 0
}

func (s *Sublist2) remove(subj string, shouldLock bool) {
	if shouldLock {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	delete(s.subs, subj) // want `concurrent write to map s.subs without s.mu`
	s.chkForRemove(subj)
}

func (s *Sublist2) Remove(subj string) { s.remove(subj, true) }

func (s *Sublist2) RemoveUnlocked(subj string) { s.remove(subj, false) }
