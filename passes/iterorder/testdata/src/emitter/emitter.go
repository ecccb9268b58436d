// Package emitter provides helpers that write their arguments; their facts
// let the pass see through calls from other packages.
package emitter

import (
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
)

// Line writes name to w.
func Line(w io.Writer, name string) { // want Line:`sinks\(1: written to w\)`
	fmt.Fprintln(w, name)
}

// Pair writes both through Line. Facts are not transitive: Pair has none.
func Pair(w io.Writer, k, v string) {
	Line(w, k+"="+v)
}

// Debug only prints: printing helpers are debugging aids and get no fact.
func Debug(name string) {
	fmt.Println(name)
}

// Count only counts: no fact.
func Count(n *int, name string) {
	*n += len(name)
}

// Queue sends its argument: a send is a -strict sink, so by default it
// gets no fact (strict/sends.go has the fact).
func Queue(ch chan<- string, name string) {
	ch <- name
}

// Set is a set of strings.
type Set struct{ m map[string]bool }

// All yields the members in map order: a range-over-func adaptor.
func (s *Set) All() iter.Seq[string] { // want All:`yields map order`
	return func(yield func(string) bool) {
		for k := range s.m {
			if !yield(k) {
				return
			}
		}
	}
}

// Sorted yields the members in order: no fact.
func (s *Set) Sorted() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, k := range slices.Sorted(maps.Keys(s.m)) {
			if !yield(k) {
				return
			}
		}
	}
}

// Names lists the keys of m in map order. No caller in this package shows
// the list, so returning it is a propagation, not a finding: the fact
// carries the order to the callers in other packages.
func Names(m map[string]int) []string { // want Names:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Shown lists the keys of m in map order; Print, in this package, prints
// the list: the loop is reported, pointing at the print.
func Shown(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

// Print prints Shown's list.
func Print(w io.Writer, m map[string]int) { // want Print:`sinks\(1: written to w\)`
	fmt.Fprintln(w, Shown(m))
}
