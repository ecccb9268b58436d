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

// Pair writes both through Line.
func Pair(w io.Writer, k, v string) { // want Pair:`sinks\(1: passed to Line, whose argument is written to w; 2: passed to Line, whose argument is written to w\)`
	Line(w, k+"="+v)
}

// Count only counts: no fact.
func Count(n *int, name string) {
	*n += len(name)
}

// Queue sends its argument.
func Queue(ch chan<- string, name string) { // want Queue:`sinks\(1: sent on ch\)`
	ch <- name
}
