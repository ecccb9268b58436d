// This file exercises helpers called by defer: they run when the function
// returns, last deferred first, with the locks held then. A helper
// deferred after `defer mu.Unlock()` runs first, under the lock (silent);
// one deferred before it runs after the unlock (reported). A deferred
// helper that unlocks for its caller (mu.Lock(); defer s.unlockAndFlush())
// runs under the lock until its own Unlock: what it writes after that is
// unguarded, what it writes before is not.
package callerlocks

import "sync"

type Deferred struct {
	mu sync.Mutex
	m  map[string]int
}

func (d *Deferred) Put(k string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[k] = 1
}

func (d *Deferred) Bump(k string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	defer d.bumpLocked(k) // runs before the Unlock
	d.m[k] = 2
}

func (d *Deferred) bumpLocked(k string) { d.m[k]++ }

func (d *Deferred) Late(k string) {
	defer d.lateLocked(k) // runs after the Unlock
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[k] = 3
}

func (d *Deferred) lateLocked(k string) {
	d.m[k]-- // want `concurrent write to map d.m without d.mu \(held: none\)`
}

// A deferred closure runs at return too: this one under the lock.
func (d *Deferred) Closure(k string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	defer func() { delete(d.m, k) }()
}

// This one after the unlock.
func (d *Deferred) LateClosure(k string) {
	defer func() {
		delete(d.m, k) // want `concurrent write to map d.m without d.mu \(held: none\).*; no fix: the function literal in \(\*Deferred\)\.LateClosure is called in the package, where a caller may already hold d\.mu$`
	}()
	d.mu.Lock()
	defer d.mu.Unlock()
}

// Helpers that release the caller's lock.
func (d *Deferred) Flush(k string) {
	d.mu.Lock()
	defer d.unlockAndFlush(k)
	d.m[k] = 4
}

func (d *Deferred) unlockAndFlush(k string) {
	d.mu.Unlock()
	d.m[k] = 0 // want `concurrent write to map d.m without d.mu \(held: none\)`
}

func (d *Deferred) Store(k string) {
	d.mu.Lock()
	defer d.storeAndUnlock(k)
}

func (d *Deferred) storeAndUnlock(k string) {
	d.m[k] = 5
	d.mu.Unlock()
}

// A lock and a deferred helper taken under the same condition: the helper
// runs only on the path that locked, under the lock (client-go's
// tlsTransportCache.get defers metrics of c.lenLocked() inside
// `if canCache { c.mu.Lock(); defer c.mu.Unlock(); ... }`): silent.
func (d *Deferred) Maybe(k string, cache bool) {
	if cache {
		d.mu.Lock()
		defer d.mu.Unlock()
		defer func() { d.trimLocked() }()
	}
	_ = k
}

func (d *Deferred) trimLocked() { delete(d.m, "") }
