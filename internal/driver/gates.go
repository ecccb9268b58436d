package driver

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/factsonly"
)

// On a dependency the driver needs only the facts its dependents import.
// A pass that exports facts may have a gate (see package factsonly),
// which says, from the package's syntax and types, whether the pass can
// export any there, and which of its requirements its facts need. Most
// dependencies then build no SSA at all: on caddy, 767 of its 1031
// dependencies (a cold run's CPU time fell by a fifth), with the same
// facts for every package (-debug=facts) and the same findings.

// needed returns the analyzers to run on a dependency, once its gates
// have run: the passes that export facts, unless their gate says they
// export none, and what those need. analyzers lists requirements before
// the analyzers that require them.
func (r *analyzerRun) needed(analyzers []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	needed := make(map[*analysis.Analyzer]bool)
	for i := len(analyzers) - 1; i >= 0; i-- {
		a := analyzers[i]
		var gate *factsonly.Gate
		if ga := factsonly.GateOf(a); ga != nil {
			gate, _ = r.results[ga].(*factsonly.Gate)
		}
		if len(a.FactTypes) > 0 && !r.noFacts(a, gate) {
			needed[a] = true
		}
		if !needed[a] {
			continue
		}
		reqs := a.Requires
		if gate != nil && gate.Needs != nil {
			reqs = gate.Needs
		}
		for _, q := range reqs {
			needed[q] = true
		}
	}
	return needed
}

// noFacts reports whether gate says that a exports no fact on the
// package: the gate ran (a failed gate says nothing) and found none of
// the conditions of a's facts, and no analyzer of its Unless has a fact
// about an object the package refers to.
func (r *analyzerRun) noFacts(a *analysis.Analyzer, gate *factsonly.Gate) bool {
	if gate == nil || !gate.NoFacts {
		return false
	}
	unless := gate.Unless
	if gate.UnlessOwn {
		unless = append([]*analysis.Analyzer{a}, unless...)
	}
	for _, u := range unless {
		if r.referredHasFacts(u) {
			return false
		}
	}
	return true
}

// referredHasFacts reports whether an object of another package that the
// package refers to has a fact of u.
func (r *analyzerRun) referredHasFacts(u *analysis.Analyzer) bool {
	if r.refs == nil {
		seen := make(map[types.Object]bool)
		r.refs = []types.Object{}
		factsonly.Refs(r.tpkg, r.files, r.info, func(obj types.Object) {
			if !seen[obj] {
				seen[obj] = true
				r.refs = append(r.refs, obj)
			}
		})
	}
	for _, obj := range r.refs {
		d := r.g.nodeOf(obj.Pkg())
		if d == nil {
			continue // no facts either for a lookup (see bindFacts)
		}
		facts := r.g.decodedFacts(d, u)
		if len(facts) == 0 {
			continue
		}
		for _, ft := range u.FactTypes {
			if facts[factKey{u, obj, reflect.TypeOf(ft), obj.Pkg()}] != nil {
				return true
			}
		}
	}
	return false
}
