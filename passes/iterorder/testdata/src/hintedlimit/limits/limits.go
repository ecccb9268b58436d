// Package limits holds prometheus's storage.LabelHints in its shape: a
// limit that keeps the smallest values, sorted, when asked to, and the
// leading ones otherwise (ApplyLimit), next to a limit that never sorts
// (Truncate).
package limits

import (
	"iter"
	"slices"
)

// Hints limit a listing of label values.
type Hints struct {
	Limit         int
	LimitSmallest bool
}

// ApplyLimit reduces values to at most Limit entries: the smallest, in
// order, when LimitSmallest is set, and otherwise the leading ones.
func (h *Hints) ApplyLimit(values []string) (limited []string, allocated bool) { // want ApplyLimit:`sortedresult`
	if h == nil || h.Limit <= 0 || len(values) <= h.Limit {
		return values, false
	}
	if h.LimitSmallest {
		return smallestN(values, h.Limit), true
	}
	return values[:h.Limit], false
}

// smallestN returns the n smallest values, sorted.
func smallestN(values []string, n int) []string { // want smallestN:`sortedresult`
	h := slices.Clone(values)
	slices.Sort(h)
	h = h[:n]
	return h
}

// Truncate keeps the leading Limit values, in the order given.
func (h *Hints) Truncate(values []string) []string {
	if h == nil || h.Limit <= 0 || len(values) <= h.Limit {
		return values
	}
	return values[:h.Limit]
}

// Closest returns, sorted, the candidates as long as a, in the shape of
// opa's levenshtein.ClosestStrings: a sequence in, a sorted slice out,
// sorted by a helper that sorts its operand in place and returns it
// (opa's util.Sorted).
func Closest(a string, candidates iter.Seq[string]) []string { // want Closest:`sortedresult`
	var out []string
	for c := range candidates {
		if len(c) == len(a) {
			out = append(out, c)
		}
	}
	return sortedInPlace(out)
}

func sortedInPlace(s []string) []string { // want sortedInPlace:`sorts 0`
	slices.Sort(s)
	return s
}

// Leading returns the candidates as long as a, in the order given.
func Leading(a string, candidates iter.Seq[string]) []string {
	var out []string
	for c := range candidates {
		if len(c) == len(a) {
			out = append(out, c)
		}
	}
	return out
}
