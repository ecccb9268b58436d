package guardinference

import "sync"

// Ties between two locks held by as many accesses. The names of the locks
// sort the other way from the guard the evidence shows, so that a tie
// broken by the order the locks are printed in gives the wrong one.

// Ledger: mu and cmu are each held at three accesses, but mu at two of
// the writes and cmu at one: mu excludes the writers, and Rewind, which
// holds neither, is reported without mu.
type Ledger struct {
	cmu     sync.Mutex
	mu      sync.Mutex
	entries map[string]int
}

func (l *Ledger) Commit(k string, v int) {
	l.cmu.Lock()
	defer l.cmu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries[k] = v
}

func (l *Ledger) Adjust(k string, v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries[k] += v
}

func (l *Ledger) Audit(k string) int {
	l.cmu.Lock()
	defer l.cmu.Unlock()
	return l.entries[k]
}

func (l *Ledger) Snapshot(k string) int {
	l.cmu.Lock()
	defer l.cmu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.entries[k]
}

func (l *Ledger) Rewind(k string) {
	delete(l.entries, k) // want `concurrent write to map l.entries without l.mu \(held: none\)`
}

// Issuer is nats-server's Account.signingKeys: every write holds both
// locks and the reads hold one or the other, so the evidence does not
// choose; a read holding neither is reported naming both, without a fix.
// Reads holding either one are ordered with every write.
type Issuer struct {
	cmu  sync.Mutex
	mu   sync.RWMutex
	keys map[string]string
}

func (a *Issuer) Update(keys map[string]string) {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	clear(a.keys)
	for k, v := range keys {
		a.keys[k] = v
	}
}

func (a *Issuer) Has(issuer string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	_, ok := a.keys[issuer]
	return ok
}

func (a *Issuer) Count() int {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	return len(a.keys)
}

func (a *Issuer) Scope(issuer string) string {
	return a.keys[issuer] // want `concurrent read of map a.keys without a.cmu or a.mu \(held: none\).*; no fix: the other accesses do not show which of a\.cmu or a\.mu this one should take$`
}
