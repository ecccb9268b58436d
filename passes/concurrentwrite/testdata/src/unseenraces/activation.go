// This package holds, in their original shape, races that the pass found
// on modules nobody tuned it on, each with a silent twin.
//
// nats-server v2.15.3, accounts.go: a time.AfterFunc timer fires when an
// import's activation token expires; streamActivationExpired releases the
// importing account's lock and calls checkActivation on the exporting
// account, whose isIssuerClaimTrusted reads signingKeys through
// hasIssuerNoLock with no lock of the exporter, while a claims update
// (updateAccountClaimsWithRefresh) refills the exporter's signingKeys
// under its mu.
package unseenraces

import (
	"sync"
	"time"
)

type Account struct {
	mu          sync.RWMutex
	signingKeys map[string]string
}

func (a *Account) UpdateClaims(keys []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.signingKeys = make(map[string]string)
	for _, k := range keys {
		a.signingKeys[k] = ""
	}
}

func (a *Account) hasIssuer(issuer string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.hasIssuerNoLock(issuer)
}

// hasIssuerNoLock is the unlocked version of hasIssuer.
func (a *Account) hasIssuerNoLock(issuer string) bool {
	_, ok := a.signingKeys[issuer] // want `concurrent read of map a.signingKeys without a.mu \(held: none\)`
	return ok
}

func (a *Account) checkActivation(issuer string) bool { return a.hasIssuerNoLock(issuer) }

// Import arms the expiry timer: the race.
func (a *Account) Import(exporter *Account, issuer string, d time.Duration) {
	time.AfterFunc(d, func() {
		if !exporter.checkActivation(issuer) {
			a.mu.Lock()
			a.signingKeys = nil
			a.mu.Unlock()
		}
	})
}

// The twin: the timer's check takes the exporter's read lock.

type Account2 struct {
	mu          sync.RWMutex
	signingKeys map[string]string
}

func (a *Account2) UpdateClaims(keys []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.signingKeys = make(map[string]string)
	for _, k := range keys {
		a.signingKeys[k] = ""
	}
}

func (a *Account2) hasIssuer(issuer string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.hasIssuerNoLock(issuer)
}

func (a *Account2) hasIssuerNoLock(issuer string) bool {
	_, ok := a.signingKeys[issuer]
	return ok
}

func (a *Account2) Import(exporter *Account2, issuer string, d time.Duration) {
	time.AfterFunc(d, func() {
		if !exporter.hasIssuer(issuer) {
			a.mu.Lock()
			a.signingKeys = nil
			a.mu.Unlock()
		}
	})
}
