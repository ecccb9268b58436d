package concurrentwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Variants of the summaries. A variant recomputes the summaries of the
// functions that reach what it changes, and shares its base's for the
// rest: one without skip leaves out the call paths through skip (see
// reachWithout); one with a pin resolves the method calls on the pinned
// package variable to the pinned type's methods alone (see dispatch.go).

// without returns the variant of s that leaves out the call paths
// through skip.
func (s *summaries) without(skip *ssa.Function) *summaries {
	if w := s.withouts[skip]; w != nil {
		return w
	}
	w := newSummaries(s.ck, s.byFn)
	w.base, w.skip, w.hits = s, skip, make(map[*ssa.Function]bool)
	if s.withouts == nil {
		s.withouts = make(map[*ssa.Function]*summaries)
	}
	s.withouts[skip] = w
	return w
}

// pinned returns the variant of s in which the method calls on p's
// variable run the methods of p's type alone.
func (s *summaries) pinned(p *pin) *summaries {
	for _, w := range s.pins {
		if w.pin.g == p.g && types.Identical(w.pin.t, p.t) {
			return w
		}
	}
	w := newSummaries(s.ck, s.byFn)
	w.base, w.pin, w.hits = s, p, make(map[*ssa.Function]bool)
	s.pins = append(s.pins, w)
	return w
}

// reuse reports whether the component scc of a variant has the base's
// summaries (no member is skip or calls a method on the pinned variable,
// or calls one that does), and otherwise records that its members do.
func (s *summaries) reuse(scc []*ssa.Function) bool {
	hit := false
	for _, fn := range scc {
		hit = hit || fn == s.skip || s.pin != nil && s.pin.callers[fn]
		for _, g := range s.out[fn] {
			hit = hit || s.hits[g]
		}
	}
	for _, fn := range scc {
		if hit {
			s.hits[fn] = true
		} else {
			s.sums[fn] = s.base.of(fn)
		}
	}
	return !hit
}

// targets is checker.targetsOf with the pins of s and of its bases
// applied.
func (s *summaries) targets(c *ssa.CallCommon, e *env) []target {
	ts := s.ck.targetsOf(c, e)
	for w := s; w != nil; w = w.base {
		if w.pin != nil && w.pin.on(c) {
			ts = w.pin.filter(ts)
		}
	}
	return ts
}
