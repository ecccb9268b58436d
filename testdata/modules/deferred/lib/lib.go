// Package lib returns map-ordered lists from two exported functions. Keys's
// order is shown in lib itself, by Dump through writeAll, whose SinkFact
// (unexported) is computed only when a scan reads it on a dependency:
// Keys's result is then not handed on (no OrderedResultFact). Names's is
// shown by no one in lib, and handed on.
package lib

import (
	"fmt"
	"io"
)

// Keys returns the keys of m in map order.
func Keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Dump writes the keys of m to w, in map order.
func Dump(w io.Writer, m map[string]int) {
	writeAll(w, Keys(m))
}

// writeAll writes each item on a line of its own.
func writeAll(w io.Writer, items []string) {
	for _, s := range items {
		fmt.Fprintln(w, s)
	}
}

// Names returns the keys of m in map order; nothing in lib shows them.
func Names(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
