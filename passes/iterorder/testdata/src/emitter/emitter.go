// Package emitter provides helpers that write their arguments; their facts
// let the pass see through calls from other packages.
package emitter

import (
	"fmt"
	"io"
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

// Queue sends its argument.
func Queue(ch chan<- string, name string) { // want Queue:`sinks\(1: sent on ch\)`
	ch <- name
}
