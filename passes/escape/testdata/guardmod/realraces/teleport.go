package realraces

import (
	"maps"
	"sync"
)

// gravitational/teleport, issue 51572, fixed by pull request 51641 ("kube:
// fix race when unregistering kube cluster"): moving from x/exp/maps to the
// standard maps package turned maps.Values, called under the lock, from a
// slice collected under the lock into an iterator that read the map after
// the lock was released.

type kubeDetails struct{ name string }

type Forwarder struct {
	rwMutexDetails sync.RWMutex
	clusterDetails map[string]*kubeDetails
}

func (f *Forwarder) Register(name string) {
	f.rwMutexDetails.Lock()
	defer f.rwMutexDetails.Unlock()
	f.clusterDetails[name] = &kubeDetails{name: name}
}

func (f *Forwarder) Unregister(name string) {
	f.rwMutexDetails.Lock()
	defer f.rwMutexDetails.Unlock()
	delete(f.clusterDetails, name)
}

// Names as it was before the fix.
func (f *Forwarder) Names() []string {
	f.rwMutexDetails.RLock()
	details := maps.Values(f.clusterDetails) // want `map f.clusterDetails escapes its guard f.rwMutexDetails: iterated after the unlock`
	f.rwMutexDetails.RUnlock()
	var names []string
	for d := range details {
		names = append(names, d.name)
	}
	return names
}
