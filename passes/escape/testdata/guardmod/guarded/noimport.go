package guarded

// This file does not import maps: the fix adds the import.

import "sync"

type Sessions struct {
	mu   sync.RWMutex
	byID map[int]string
}

func (s *Sessions) Add(id int, name string) {
	s.mu.Lock()
	s.byID[id] = name
	s.mu.Unlock()
}

func (s *Sessions) All() map[int]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.byID // want `map s.byID escapes its guard s.mu: returned to callers`
}
