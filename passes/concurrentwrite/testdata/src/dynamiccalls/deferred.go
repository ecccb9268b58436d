// This file exercises a helper that a goroutine defers: it runs when the
// goroutine's function returns (a worker removing itself from a registry),
// with the locks held then.
package dynamiccalls

import "sync"

type Registry struct{ workers map[int]bool }

func (r *Registry) Start(n int) {
	for i := range n {
		go r.work(i)
	}
}

func (r *Registry) work(id int) {
	defer r.remove(id)
}

func (r *Registry) remove(id int) {
	delete(r.workers, id) // want `concurrent write to map r.workers \(held: none\); also accessed by other goroutines started in a loop in \(\*Registry\).Start`
}

type LockedRegistry struct {
	mu      sync.Mutex
	workers map[int]bool
}

func (r *LockedRegistry) Start(n int) {
	for i := range n {
		go r.work(i)
	}
}

func (r *LockedRegistry) work(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer r.remove(id) // runs before the Unlock
}

func (r *LockedRegistry) remove(id int) { delete(r.workers, id) }
