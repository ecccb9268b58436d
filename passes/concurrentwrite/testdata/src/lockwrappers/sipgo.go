// This file reproduces github.com/emiago/sipgo v1.7.3 (sip/transaction.go
// and sip/transaction_layer.go): a generic transactionStore[T] whose map
// items is locked through the wrapper methods lock() and unlock(), which
// the transaction layer calls around its own accesses of the map.
// sipgo's five findings (transaction_layer.go:230, 252, 274, 367 and 375,
// round 1 of stop 25's unseen modules: FALSE, every access holds the
// store's mutex) are serverTxRequest's two reads and write and
// clientTxRequest's read and write here, all reported until a call of an
// instantiation of a generic function used the generic function's lock
// summary (acquires($0.mu)): built without ssa.InstantiateGenerics, the
// instantiation (*transactionStore[*ServerTx]).lock has no body and no
// summary of its own.
package lockwrappers

import "sync"

type Transaction interface{ Receive(req string) error }

type ServerTx struct{ key string }

func (tx *ServerTx) Receive(req string) error { return nil }

type ClientTx struct{ key string }

func (tx *ClientTx) Receive(req string) error { return nil }

type transactionStore[T Transaction] struct {
	items map[string]T
	mu    sync.RWMutex
}

func newTransactionStore[T Transaction]() *transactionStore[T] {
	return &transactionStore[T]{items: make(map[string]T)}
}

func (store *transactionStore[T]) lock()   { store.mu.Lock() }
func (store *transactionStore[T]) unlock() { store.mu.Unlock() }

func (store *transactionStore[T]) rlock()   { store.mu.RLock() }
func (store *transactionStore[T]) runlock() { store.mu.RUnlock() }

func (store *transactionStore[T]) put(key string, tx T) {
	store.mu.Lock()
	defer store.mu.Unlock()
	store.items[key] = tx
}

func (store *transactionStore[T]) get(key string) (T, bool) {
	store.mu.RLock()
	defer store.mu.RUnlock()
	tx, ok := store.items[key]
	return tx, ok
}

func (store *transactionStore[T]) drop(key string) bool {
	store.mu.Lock()
	defer store.mu.Unlock()
	_, exists := store.items[key]
	delete(store.items, key)
	return exists
}

type TransactionLayer struct {
	clientTransactions *transactionStore[*ClientTx]
	serverTransactions *transactionStore[*ServerTx]
}

func NewTransactionLayer() *TransactionLayer {
	return &TransactionLayer{
		clientTransactions: newTransactionStore[*ClientTx](),
		serverTransactions: newTransactionStore[*ServerTx](),
	}
}

// handleMessage starts a goroutine per request, as sipgo's does.
func (txl *TransactionLayer) handleMessage(req string, key string) {
	go txl.serverTxRequest(req, key)
}

// NewClientTransaction is exported; it runs clientTxRequest.
func (txl *TransactionLayer) NewClientTransaction(req string, key string) (*ClientTx, error) {
	return txl.clientTxRequest(req, key)
}

// OnConnectionClose ranges over the maps holding their mutex directly.
func (txl *TransactionLayer) OnConnectionClose(key string) int {
	n := 0
	txl.clientTransactions.mu.RLock()
	for k := range txl.clientTransactions.items {
		if k == key {
			n++
		}
	}
	txl.clientTransactions.mu.RUnlock()
	txl.serverTransactions.mu.RLock()
	for k := range txl.serverTransactions.items {
		if k == key {
			n++
		}
	}
	txl.serverTransactions.mu.RUnlock()
	return n
}

// serverTxRequest is sipgo's: two lookups and a write, each between
// lock() and unlock(), the first unlocked early on a found transaction.
func (txl *TransactionLayer) serverTxRequest(req string, key string) error {
	txl.serverTransactions.lock()
	tx, exists := txl.serverTransactions.items[key]
	if exists {
		txl.serverTransactions.unlock()
		return tx.Receive(req)
	}
	txl.serverTransactions.unlock()

	txl.serverTransactions.lock()
	tx, exists = txl.serverTransactions.items[key]
	if exists {
		txl.serverTransactions.unlock()
		return tx.Receive(req)
	}
	tx = &ServerTx{key: key}
	txl.serverTransactions.items[key] = tx
	txl.serverTransactions.unlock()
	return nil
}

func (txl *TransactionLayer) clientTxRequest(req string, key string) (*ClientTx, error) {
	txl.clientTransactions.lock()
	tx, exists := txl.clientTransactions.items[key]
	if exists {
		txl.clientTransactions.unlock()
		return nil, tx.Receive(req)
	}
	tx = &ClientTx{key: key}
	txl.clientTransactions.items[key] = tx
	txl.clientTransactions.unlock()
	return tx, nil
}

// count reads under the read-lock wrapper.
func (txl *TransactionLayer) count() int {
	txl.clientTransactions.rlock()
	defer txl.clientTransactions.runlock()
	return len(txl.clientTransactions.items)
}

// Count is exported; it reads under the read-lock wrappers.
func (txl *TransactionLayer) Count() int { return txl.count() }

func (txl *TransactionLayer) ServerTxTerminate(key string) { txl.serverTransactions.drop(key) }

func (txl *TransactionLayer) ClientTxTerminate(key string) { txl.clientTransactions.drop(key) }

func (txl *TransactionLayer) GetServerTx(key string) (*ServerTx, bool) {
	return txl.serverTransactions.get(key)
}

func (txl *TransactionLayer) PutClientTx(key string, tx *ClientTx) {
	txl.clientTransactions.put(key, tx)
}

// The positive twin: the same store, and one access that does not call
// lock().

type twinStore[T Transaction] struct {
	items map[string]T
	mu    sync.Mutex
}

func (store *twinStore[T]) lock()   { store.mu.Lock() }
func (store *twinStore[T]) unlock() { store.mu.Unlock() }

func (store *twinStore[T]) put(key string, tx T) {
	store.mu.Lock()
	defer store.mu.Unlock()
	store.items[key] = tx
}

type TwinLayer struct{ servers *twinStore[*ServerTx] }

func (l *TwinLayer) Request(key string) {
	l.servers.lock()
	l.servers.items[key] = &ServerTx{key: key}
	l.servers.unlock()
}

func (l *TwinLayer) Forget(key string) {
	delete(l.servers.items, key) // want `concurrent write to map l.servers.items without l.servers.mu \(held: none\)`
}

func (l *TwinLayer) Put(key string, tx *ServerTx) { l.servers.put(key, tx) }

func (l *TwinLayer) Has(key string) bool {
	l.servers.mu.Lock()
	defer l.servers.mu.Unlock()
	_, ok := l.servers.items[key]
	return ok
}
