// Package hintedlimit exercises prometheus's V1 index reader
// (tsdb/index.Reader.LabelValues): the values of a label are collected in
// map order and passed through a limit that returns them sorted when the
// caller asks for the smallest (limits.Hints.ApplyLimit, a
// SortedResultFact): a sort on a path of the callee, as a sort on a branch
// of the function itself, clears the order, and the function hands no
// order to its callers. Its twin passes them through a limit that never
// sorts, and its callers get the order (OrderedResultFact).
package hintedlimit

import "hintedlimit/limits"

// Reader holds the offsets of each label value, per label name.
type Reader struct {
	postings map[string]map[string]uint64
}

// LabelValues returns the values of the label name, limited by hints.
func (r *Reader) LabelValues(name string, hints *limits.Hints) []string {
	e, ok := r.postings[name]
	if !ok {
		return nil
	}
	values := make([]string, 0, len(e))
	for k := range e {
		values = append(values, k)
	}
	values, _ = hints.ApplyLimit(values)
	return values
}

// LabelValuesTruncated does the same through a limit that keeps the
// leading values in the order given: map order.
func (r *Reader) LabelValuesTruncated(name string, hints *limits.Hints) []string { // want LabelValuesTruncated:`orderedresult\(0\)`
	e, ok := r.postings[name]
	if !ok {
		return nil
	}
	values := make([]string, 0, len(e))
	for k := range e {
		values = append(values, k)
	}
	values = hints.Truncate(values)
	return values
}
