// Package limiters is github.com/mennanov/limiters' Registry before the
// fix of mennanov/limiters#71 ("fatal error: concurrent map writes"):
// nothing in the package locks for r.m, so its methods export an
// AccessFact, and the race shows in the importer that calls them from two
// goroutines (package ratelimit). The package itself is silent: it starts
// no goroutine.
package limiters

import (
	"container/heap"
	"time"
)

type pqItem struct {
	value any
	exp   time.Time
	index int
	key   string
}

type gcPq []*pqItem

func (pq gcPq) Len() int            { return len(pq) }
func (pq gcPq) Less(i, j int) bool  { return pq[i].exp.Before(pq[j].exp) }
func (pq gcPq) Swap(i, j int)       { pq[i], pq[j] = pq[j], pq[i]; pq[i].index = i; pq[j].index = j }
func (pq *gcPq) Push(x any)         { item := x.(*pqItem); item.index = len(*pq); *pq = append(*pq, item) }
func (pq *gcPq) Pop() any           { old := *pq; n := len(old); item := old[n-1]; *pq = old[:n-1]; return item }
func (pq *gcPq) update(item *pqItem, exp time.Time) { item.exp = exp; heap.Fix(pq, item.index) }

// Registry holds limiters by key, and forgets the ones not used for a
// while.
type Registry struct {
	pq *gcPq
	m  map[string]*pqItem
}

// NewRegistry creates a new Registry.
func NewRegistry() *Registry {
	pq := make(gcPq, 0)
	return &Registry{pq: &pq, m: make(map[string]*pqItem)}
}

// GetOrCreate returns the limiter for key, creating it with c.
func (r *Registry) GetOrCreate(key string, c func() any, ttl time.Duration, now time.Time) any { // want GetOrCreate:`reads\(\$0.#1\),writes\(\$0.#1\)`
	item, ok := r.m[key]
	if ok {
		r.pq.update(item, now.Add(ttl))
		return item.value
	}
	item = &pqItem{value: c(), exp: now.Add(ttl), key: key}
	heap.Push(r.pq, item)
	r.add(key, item)
	return item.value
}

// add is a helper: what it writes counts for the exported methods that
// call it.
func (r *Registry) add(key string, item *pqItem) { r.m[key] = item }

// DeleteExpired deletes the expired items and returns how many.
func (r *Registry) DeleteExpired(now time.Time) int { // want DeleteExpired:`writes\(\$0.#1\)`
	c := 0
	for len(*r.pq) != 0 {
		item := (*r.pq)[0]
		if now.Before(item.exp) {
			break
		}
		delete(r.m, item.key)
		heap.Pop(r.pq)
		c++
	}
	return c
}

// Len returns the number of items.
func (r *Registry) Len() int { return len(r.m) } // want Len:`reads\(\$0.#1\)`
