// This file exercises outer maps keyed by a composite literal written out
// twice: the store that makes the entry and the write into it each build
// their own key, which are the same value when the literals have one type
// and pairwise the same elements, with nothing written between them.
package outerpath

import "maps"

type group struct{}

type poolKey struct {
	setName  string
	provider string
}

type provider struct {
	name    string
	newSubs map[string]struct{}
}

type manager struct {
	targets map[poolKey]map[string]*group
}

func newManager() *manager {
	return &manager{targets: map[poolKey]map[string]*group{}}
}

// Silent: the shape of prometheus discovery/manager.go:307 (v0.316.0,
// Manager.ApplyConfig), which makes the entry with one poolKey{s,
// prov.name} literal and copies into it through another.
func (m *manager) copyRef(prov *provider, refTargets map[string]*group) {
	for s := range prov.newSubs {
		if l := len(refTargets); l > 0 {
			m.targets[poolKey{s, prov.name}] = make(map[string]*group, l)
			maps.Copy(m.targets[poolKey{s, prov.name}], refTargets)
		}
	}
}

// Twin: the second key has a different provider, whose entry nothing made.
func (m *manager) copyRefOther(prov *provider, other string, refTargets map[string]*group) {
	for s := range prov.newSubs {
		if l := len(refTargets); l > 0 {
			m.targets[poolKey{s, prov.name}] = make(map[string]*group, l)
			maps.Copy(m.targets[poolKey{s, other}], refTargets) // want `write to map m.targets\[poolKey\{…\}\], which may be nil`
		}
	}
}

// Twin: the same literal text, but the provider's name changes between
// the two keys, so they are different keys.
func (m *manager) copyRenamed(prov *provider, other string, refTargets map[string]*group) {
	for s := range prov.newSubs {
		m.targets[poolKey{s, prov.name}] = make(map[string]*group)
		prov.name = other
		maps.Copy(m.targets[poolKey{s, prov.name}], refTargets) // want `write to map m.targets\[poolKey\{…\}\], which may be nil`
	}
}

// Silent: keyed fields in another order, and an array key.
func (m *manager) copyKeyed(prov *provider, s string, refTargets map[string]*group) {
	m.targets[poolKey{provider: prov.name, setName: s}] = map[string]*group{}
	maps.Copy(m.targets[poolKey{setName: s, provider: prov.name}], refTargets)
}

var pairs = map[[2]string]map[string]int{}

func countPair(a, b, name string) {
	pairs[[2]string{a, b}] = map[string]int{}
	pairs[[2]string{a, b}][name]++
}

// Twin: the pair reversed is another key.
func countPairSwapped(a, b, name string) {
	pairs[[2]string{a, b}] = map[string]int{}
	pairs[[2]string{b, a}][name]++ // want `write to map pairs\[\[2\]string\{…\}\], which may be nil`
}
