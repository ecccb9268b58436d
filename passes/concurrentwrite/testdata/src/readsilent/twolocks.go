package readsilent

import "sync"

// Writes that hold two locks: a read holding either one is ordered with
// every write, whichever of the two the inference takes for the guard
// (nats-server's updateAccountClaimsWithRefresh writes a.jsLimits holding
// a.cmu and a.mu; registerAccountNoLock reads it holding a.mu).

type Limits struct {
	cmu    sync.Mutex
	mu     sync.RWMutex
	limits map[string]int
}

func (a *Limits) Update(k string, v int) {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.limits[k] = v
}

func (a *Limits) Reset() {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	clear(a.limits)
}

func (a *Limits) Total() int {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	n := 0
	for _, v := range a.limits {
		n += v
	}
	return n
}

func (a *Limits) Count() int {
	a.cmu.Lock()
	defer a.cmu.Unlock()
	return len(a.limits)
}

func (a *Limits) Enabled() bool        { return a.enabled(false) }
func (a *Limits) EnabledVerbose() bool { return a.enabled(true) }

func (a *Limits) enabled(verbose bool) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if verbose {
		println("limits:", len(a.limits))
	}
	return len(a.limits) > 0
}

// The twin: neither lock.
func (a *Limits) Has(k string) bool {
	_, ok := a.limits[k] // want `concurrent read of map a.limits without a.cmu or a.mu \(held: none\)`
	return ok
}
