// This file exercises the skiptests flag: findings in this file are kept.
package skiptests

import "sync"

type S struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *S) Add(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func (s *S) Drop(k string) { delete(s.m, k) } // want `concurrent write to map s.m without s.mu`
