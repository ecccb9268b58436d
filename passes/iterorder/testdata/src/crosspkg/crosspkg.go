// Package crosspkg exercises sinks reached through helpers of another
// package, known through their facts.
package crosspkg

import (
	"io"
	"strings"

	"emitter"
)

func Write(w io.Writer, m map[string]string) {
	for k, v := range m { // want `keys passed to Line, whose argument is written to w`
		emitter.Line(w, k+"="+v)
	}
}

// known miss: facts are not transitive.
func WritePairs(w io.Writer, m map[string]string) {
	for k, v := range m {
		emitter.Pair(w, k, v)
	}
}

func Debug(m map[string]string) {
	for k := range m {
		emitter.Debug(k)
	}
}

// Line writes into a builder that is only measured: silent.
func Measure(m map[string]string) int {
	var b strings.Builder
	for k := range m {
		emitter.Line(&b, k)
	}
	return b.Len()
}

// Line writes into a builder that is returned: reported.
func Render(m map[string]string) string {
	var b strings.Builder
	for k := range m { // want `keys written to b, which is returned unsorted`
		emitter.Line(&b, k)
	}
	return b.String()
}

func Queue(ch chan<- string, m map[string]int) {
	for k := range m { // a send through a helper: -strict only
		emitter.Queue(ch, k)
	}
}

func Count(m map[string]int) int {
	n := 0
	for k := range m {
		emitter.Count(&n, k)
	}
	return n
}

// A range over an adaptor that forwards map order (IterFact).
func Members(s *emitter.Set) []string { // want Members:`orderedresult\(0\)`
	var out []string
	for k := range s.All() {
		out = append(out, k)
	}
	return out
}

func SortedMembers(s *emitter.Set) []string {
	var out []string
	for k := range s.Sorted() {
		out = append(out, k)
	}
	return out
}
