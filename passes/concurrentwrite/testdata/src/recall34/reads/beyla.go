// grafana/beyla#946, "Fix race condition in Expiry Map" (the race
// detector: a write in ExpiryMap.GetOrCreate, a previous read in
// ExpiryMap.All): the generic ExpiryMap guards its entries with an
// RWMutex in GetOrCreate and DeleteExpired, but All sized its result with
// len(ex.entries) and ranged over the entries without it. The metrics
// exporters call GetOrCreate on each span and All on each collection, from
// different goroutines. The fix takes the read lock in All.
package reads

import (
	"strings"
	"sync"
	"time"
)

type expiryEntry[T any] struct {
	lastAccess  time.Time
	labelValues []string
	val         T
}

type ExpiryMap[T any] struct {
	clock   func() time.Time
	mt      sync.RWMutex
	ttl     time.Duration
	entries map[string]*expiryEntry[T]
}

func NewExpiryMap[T any](clock func() time.Time, ttl time.Duration) *ExpiryMap[T] {
	return &ExpiryMap[T]{ttl: ttl, entries: map[string]*expiryEntry[T]{}, clock: clock}
}

func (ex *ExpiryMap[T]) GetOrCreate(lbls []string, instancer func() T) T {
	now := ex.clock()
	h := strings.Join(lbls, ":")
	ex.mt.RLock()
	e, ok := ex.entries[h]
	ex.mt.RUnlock()
	if ok {
		ex.mt.Lock()
		e.lastAccess = now
		ex.mt.Unlock()
		return e.val
	}
	ex.mt.Lock()
	instance := instancer()
	ex.entries[h] = &expiryEntry[T]{labelValues: lbls, lastAccess: now, val: instance}
	ex.mt.Unlock()
	return instance
}

func (ex *ExpiryMap[T]) DeleteExpired() [][]string {
	var delKeys []string
	var delLabels [][]string
	ex.mt.RLock()
	now := ex.clock()
	for k, e := range ex.entries {
		if now.Sub(e.lastAccess) > ex.ttl {
			delKeys = append(delKeys, k)
			delLabels = append(delLabels, e.labelValues)
		}
	}
	ex.mt.RUnlock()
	ex.mt.Lock()
	for _, k := range delKeys {
		delete(ex.entries, k)
	}
	ex.mt.Unlock()
	return delLabels
}

// All is the racing reader.
func (ex *ExpiryMap[T]) All() []T {
	items := make([]T, 0, len(ex.entries)) // want `concurrent read of map ex.entries without ex.mt \(held: none\)`
	for _, e := range ex.entries {         // want `concurrent read of map ex.entries without ex.mt \(held: none\)`
		items = append(items, e.val)
	}
	return items
}

// AllFixed is the fix: the length and the range hold the read lock.
func (ex *ExpiryMap[T]) AllFixed() []T {
	ex.mt.RLock()
	defer ex.mt.RUnlock()
	items := make([]T, 0, len(ex.entries))
	for _, e := range ex.entries {
		items = append(items, e.val)
	}
	return items
}
