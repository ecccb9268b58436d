// Package testvariant holds a map whose writes hold two locks, and a test
// that writes it under one of them: the guard is inferred from the
// package's own code, so the package and its test variant agree on it and
// an unguarded read is reported once (nats-server's Account.signingKeys,
// written under a.cmu and a.mu by updateAccountClaimsWithRefresh and
// under a.mu alone by a test; accounts.go:3381 was reported once per
// variant, without a.cmu and without a.mu). analysistest runs the test
// variant, which named a.mu before.
package testvariant

import "sync"

type Account struct {
	cmu  sync.Mutex
	mu   sync.RWMutex
	keys map[string]int
}

func (a *Account) Update(ks []string) {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, k := range ks {
		a.keys[k] = len(k)
	}
}

func (a *Account) Trusted(k string) bool {
	return a.hasKeyNoLock(k)
}

func (a *Account) hasKeyNoLock(k string) bool {
	_, ok := a.keys[k] // want `concurrent read of map a.keys without a.cmu`
	return ok
}
