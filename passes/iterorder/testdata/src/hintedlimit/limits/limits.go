// Package limits holds prometheus's storage.LabelHints in its shape: a
// limit that keeps the smallest values, sorted, when asked to, and the
// leading ones otherwise (ApplyLimit), next to a limit that never sorts
// (Truncate).
package limits

import "slices"

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
