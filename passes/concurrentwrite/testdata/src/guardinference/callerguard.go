// Package guardinference exercises the inference of a map's guard when
// most accesses run under a lock their callers hold on another object,
// which the accessing function cannot name.
package guardinference

import (
	"sort"
	"sync"
)

// SortedMap is go-ethereum's core/txpool/legacypool SortedMap: items is
// guarded by the pool's lock, which the pool holds around every call of
// its lists' methods; cacheMu covers only cache, and Put and flatten take
// it to reset or fill the cache. Only Get, Put and Flatten are also
// called outside the pool's lock, on objects the caller owns, so they are
// the only functions whose callers' locks are known: cacheMu is held at
// three of their five accesses, but at none of the others.
type SortedMap struct {
	items   map[uint64]string
	cache   []string
	cacheMu sync.Mutex
}

func NewSortedMap() *SortedMap {
	return &SortedMap{items: make(map[uint64]string)}
}

func (m *SortedMap) Get(nonce uint64) string {
	return m.items[nonce]
}

func (m *SortedMap) Put(nonce uint64, tx string) {
	if m.items[nonce] == "" {
		m.cache = nil
	}
	m.cacheMu.Lock()
	m.items[nonce], m.cache = tx, nil
	m.cacheMu.Unlock()
}

func (m *SortedMap) Forward(threshold uint64) []string {
	var removed []string
	for nonce, tx := range m.items {
		if nonce < threshold {
			removed = append(removed, tx)
			delete(m.items, nonce)
		}
	}
	m.cacheMu.Lock()
	m.cache = nil
	m.cacheMu.Unlock()
	return removed
}

func (m *SortedMap) Remove(nonce uint64) bool {
	if _, ok := m.items[nonce]; !ok {
		return false
	}
	delete(m.items, nonce)
	m.cacheMu.Lock()
	m.cache = nil
	m.cacheMu.Unlock()
	return true
}

func (m *SortedMap) Len() int {
	return len(m.items)
}

func (m *SortedMap) flatten() []string {
	m.cacheMu.Lock()
	defer m.cacheMu.Unlock()
	if m.cache == nil {
		m.cache = make([]string, 0, len(m.items))
		for _, tx := range m.items {
			m.cache = append(m.cache, tx)
		}
		sort.Strings(m.cache)
	}
	return m.cache
}

func (m *SortedMap) Flatten() []string {
	return append([]string(nil), m.flatten()...)
}

// list is the pool's per-account list.
type list struct {
	txs *SortedMap
}

func (l *list) Add(nonce uint64, tx string) { l.txs.Put(nonce, tx) }

func (l *list) Forward(threshold uint64) []string { return l.txs.Forward(threshold) }

func (l *list) Remove(nonce uint64) bool { return l.txs.Remove(nonce) }

func (l *list) Len() int { return l.txs.Len() }

func (l *list) Flatten() []string { return l.txs.Flatten() }

func (l *list) Has(nonce uint64) bool { return l.txs.Get(nonce) != "" }

// Pool holds mu around every use of its lists.
type Pool struct {
	mu      sync.Mutex
	pending map[string]*list
	feed    chan []string
}

func (p *Pool) Add(addr string, nonce uint64, tx string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.pending[addr]
	if l == nil {
		l = &list{txs: NewSortedMap()}
		p.pending[addr] = l
	}
	if !l.Has(nonce) {
		l.Add(nonce, tx)
	}
}

func (p *Pool) Demote(addr string, threshold uint64) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.pending[addr]
	if l == nil {
		return 0
	}
	n := len(l.Forward(threshold))
	if l.Remove(threshold) {
		n++
	}
	if l.Len() == 0 {
		delete(p.pending, addr)
	}
	return n
}

func (p *Pool) Pending() map[string][]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string][]string)
	for addr, l := range p.pending {
		out[addr] = l.Flatten()
	}
	return out
}

// Announce is the pool's reorg loop: it builds SortedMaps of its own and
// uses them without a lock.
func (p *Pool) Announce(promoted map[string]string) {
	events := make(map[string]*SortedMap)
	for addr, tx := range promoted {
		if _, ok := events[addr]; !ok {
			events[addr] = NewSortedMap()
		}
		events[addr].Put(0, tx)
		_ = events[addr].Get(0)
	}
	for _, set := range events {
		p.feed <- set.Flatten()
	}
}
