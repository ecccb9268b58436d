package guardinference

import "sync"

// Index is the twin of SortedMap where mu is the guard: every access
// takes it, whatever lock the callers hold, but Peek, which is also
// called outside the registry's lock.
type Index struct {
	mu    sync.Mutex
	items map[uint64]string
}

func (x *Index) Peek(nonce uint64) string {
	return x.items[nonce] // want `concurrent read of map x.items without x.mu`
}

func (x *Index) Put(nonce uint64, tx string) {
	x.mu.Lock()
	x.items[nonce] = tx
	x.mu.Unlock()
}

func (x *Index) Remove(nonce uint64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	delete(x.items, nonce)
}

func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.items)
}

func (x *Index) Each(f func(string)) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, tx := range x.items {
		f(tx)
	}
}

// Registry holds mu around every use of its indexes.
type Registry struct {
	mu      sync.Mutex
	indexes map[string]*Index
}

func (r *Registry) Drop(name string, nonce uint64) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	x := r.indexes[name]
	x.Remove(nonce)
	x.Each(func(string) {})
	return x.Len()
}

func (r *Registry) Has(name string, nonce uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.indexes[name].Peek(nonce) != ""
}

// Lookup peeks at an index it was given, outside any lock.
func Lookup(x *Index, nonce uint64) string {
	x.Put(nonce, "seen")
	return x.Peek(nonce)
}
