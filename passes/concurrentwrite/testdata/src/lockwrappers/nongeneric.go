// This file exercises the same wrappers on a store that is not generic,
// and generic functions (not methods) that lock their argument's mutex:
// each silent, with a positive twin. A value receiver is left out: it can
// only lock a *sync.Mutex (copying a sync.Mutex is vet's copylocks), and
// a mutex reached through a pointer field is inferred as the map's guard
// only when every access holds it, so its twin could not be reported.
package lockwrappers

import "sync"

type plainStore struct {
	items map[string]int
	mu    sync.Mutex
}

func (s *plainStore) lock()   { s.mu.Lock() }
func (s *plainStore) unlock() { s.mu.Unlock() }

func (s *plainStore) Put(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[k] = v
}

type PlainLayer struct{ store *plainStore }

func (l *PlainLayer) Add(k string) {
	l.store.lock()
	defer l.store.unlock()
	l.store.items[k]++
}

func (l *PlainLayer) Remove(k string) {
	delete(l.store.items, k) // want `concurrent write to map l.store.items without l.store.mu \(held: none\)`
}

// A generic function (not a method) taking the lock of its argument.

func lockStore[T Transaction](s *transactionStore[T])   { s.mu.Lock() }
func unlockStore[T Transaction](s *transactionStore[T]) { s.mu.Unlock() }

// replaceServer is silent: lockStore's summary, acquires($0.mu), is the
// generic function's, found through the instantiation
// lockStore[*ServerTx] the call names.
func (txl *TransactionLayer) replaceServer(key string, tx *ServerTx) {
	lockStore(txl.serverTransactions)
	txl.serverTransactions.items[key] = tx
	unlockStore(txl.serverTransactions)
}

// ReplaceServer is exported; it runs replaceServer.
func (txl *TransactionLayer) ReplaceServer(key string, tx *ServerTx) { txl.replaceServer(key, tx) }

// The positive twin of lockStore: one access of the twin store's map
// takes the lock through a generic function, another takes none.

func lockTwin[T Transaction](s *twinStore[T])   { s.mu.Lock() }
func unlockTwin[T Transaction](s *twinStore[T]) { s.mu.Unlock() }

type TwinReplacer struct{ servers *twinStore[*ServerTx] }

func (r *TwinReplacer) Replace(key string, tx *ServerTx) {
	lockTwin(r.servers)
	r.servers.items[key] = tx
	unlockTwin(r.servers)
}

func (r *TwinReplacer) Put(key string, tx *ServerTx) { r.servers.put(key, tx) }

func (r *TwinReplacer) Reset(key string) {
	r.servers.items[key] = nil // want `concurrent write to map r.servers.items without r.servers.mu \(held: none\)`
}
