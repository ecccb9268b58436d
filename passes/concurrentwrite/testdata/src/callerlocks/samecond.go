package callerlocks

import "sync"

// A lock taken under a condition and an access made under the same
// condition further on, in one function (nats-server's
// jetstream_cluster.go: applyStreamEntries(…, isRecovering) locks mset.mu
// when isRecovering, and later, when isRecovering again, calls
// skipBatchIfRecovering, whose clearAllPreAcks ("write lock should be
// held") deletes from mset.preAcks, then unlocks). isRecovering is not
// a constant at the calls: the correlation is inside the function.

type AckStream struct {
	mu      sync.Mutex
	preAcks map[uint64]int
}

func (mset *AckStream) Ack(seq uint64) {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	mset.preAcks[seq]++
}

func (mset *AckStream) Purge(seq uint64) {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	mset.clearAllPreAcks(seq)
}

// Write lock should be held.
func (mset *AckStream) clearAllPreAcks(seq uint64) {
	delete(mset.preAcks, seq)
}

func (mset *AckStream) skipBatchIfRecovering(seq uint64) bool {
	if seq%2 == 0 {
		mset.clearAllPreAcks(seq)
		return true
	}
	return false
}

func (mset *AckStream) Len() int {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	return len(mset.preAcks)
}

func (mset *AckStream) Apply(seqs []uint64, recovering bool) { mset.applyEntries(seqs, recovering) }

func (mset *AckStream) applyEntries(seqs []uint64, isRecovering bool) {
	for _, seq := range seqs {
		if isRecovering {
			mset.mu.Lock()
		}
		if isRecovering {
			if mset.skipBatchIfRecovering(seq) {
				mset.mu.Unlock()
				continue
			}
			mset.mu.Unlock()
		}
	}
}

// The same in a Sublist.match shape: a local condition decides between
// Lock and RLock, and the write is made under the same condition.

type CacheList struct {
	mu    sync.RWMutex
	cache map[string]int
	subs  map[string]int
}

func (s *CacheList) Insert(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[k]++
	s.cache[k] = s.subs[k]
}

func (s *CacheList) Match(k string) int {
	s.mu.RLock()
	cacheEnabled := s.cache != nil
	s.mu.RUnlock()
	if cacheEnabled {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
	n := s.subs[k]
	if cacheEnabled {
		s.cache[k] = n
	}
	if cacheEnabled {
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
	return n
}

// The twins: the access is under a different condition than the lock.

type AckStream2 struct {
	mu      sync.Mutex
	preAcks map[uint64]int
}

func (mset *AckStream2) Ack(seq uint64) {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	mset.preAcks[seq]++
}

func (mset *AckStream2) Purge(seq uint64) {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	mset.clearAllPreAcks(seq)
}

func (mset *AckStream2) clearAllPreAcks(seq uint64) {
	delete(mset.preAcks, seq) // want `concurrent write to map mset.preAcks without mset.mu`
}

func (mset *AckStream2) Len() int {
	mset.mu.Lock()
	defer mset.mu.Unlock()
	return len(mset.preAcks)
}

func (mset *AckStream2) Apply(seqs []uint64, recovering, leader bool) {
	mset.applyEntries(seqs, recovering, leader)
}

func (mset *AckStream2) applyEntries(seqs []uint64, isRecovering, isLeader bool) {
	for _, seq := range seqs {
		if isRecovering {
			mset.mu.Lock()
		}
		if isLeader {
			mset.clearAllPreAcks(seq)
		}
		if isRecovering {
			mset.mu.Unlock()
		}
	}
}

type CacheList2 struct {
	mu    sync.RWMutex
	cache map[string]int
	subs  map[string]int
}

func (s *CacheList2) Insert(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[k]++
	s.cache[k] = s.subs[k]
}

func (s *CacheList2) Match(k string, store bool) int {
	s.mu.RLock()
	cacheEnabled := s.cache != nil
	s.mu.RUnlock()
	if cacheEnabled {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
	n := s.subs[k]
	if store {
		s.cache[k] = n // want `write to map s.cache holding only read lock s.mu`
	}
	if cacheEnabled {
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
	return n
}
