// This file exercises locking decided by a boolean parameter that also
// decides whether the write happens, and lock closures that lock only when
// asked to.
package callerlocks

import "sync"

type Table struct {
	mu    sync.Mutex
	rows  map[string]int
	cache map[string]int
}

func (t *Table) Set(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows[k] = 1
	t.cache[k] = 1
	t.remove(k+"-old", false, false)
}

func (t *Table) Remove(k string) { t.remove(k, true, true) }

func (t *Table) Prune(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.remove(k, false, true)
}

// remove locks when shouldLock; every call that updates the cache either
// locks here or holds the lock already.
func (t *Table) remove(k string, shouldLock, updateCache bool) {
	if shouldLock {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	if updateCache {
		delete(t.cache, k)
	}
}

type Table2 struct {
	mu    sync.Mutex
	cache map[string]int
}

func (t *Table2) Set(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cache[k] = 1
}

func (t *Table2) Remove(k string) { t.remove(k, true, true) }

func (t *Table2) Forget(k string) { t.remove(k, false, true) } // the twin: no lock

func (t *Table2) remove(k string, shouldLock, updateCache bool) {
	if shouldLock {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	if updateCache {
		delete(t.cache, k) // want `concurrent write to map t.cache without t.mu \(held: none\)`
	}
}

// A lock closure: lock := func() { if needLock { mu.Lock() } }.

type Index struct {
	mu   sync.Mutex
	byID map[int]string
}

func (x *Index) Add(id int, s string) { x.put(id, s, true) }

func (x *Index) Get(id int) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.byID[id]
}

func (x *Index) Rebuild(ids []int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, id := range ids {
		x.put(id, "", false)
	}
}

func (x *Index) put(id int, s string, needLock bool) {
	lock := func() {
		if needLock {
			x.mu.Lock()
		}
	}
	unlock := func() {
		if needLock {
			x.mu.Unlock()
		}
	}
	lock()
	x.byID[id] = s
	unlock()
}

type Index2 struct {
	mu   sync.Mutex
	byID map[int]string
}

func (x *Index2) Add(id int, s string) { x.put(id, s, true) }

func (x *Index2) Get(id int) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.byID[id]
}

func (x *Index2) Load(id int, s string) { x.put(id, s, false) } // the twin: no lock

func (x *Index2) put(id int, s string, needLock bool) {
	lock := func() {
		if needLock {
			x.mu.Lock()
		}
	}
	unlock := func() {
		if needLock {
			x.mu.Unlock()
		}
	}
	lock()
	x.byID[id] = s // want `concurrent write to map x.byID without x.mu \(held: none\)`
	unlock()
}
