package sinks

import (
	"fmt"
	"strings"
)

// cuelang.org/go v0.17.1, cue/ast/astutil/resolve.go: a debugging String
// that prints the scope's address, then its names in map order. The text
// carries a pointer's address on every way to the loop, so it differs
// from run to run whatever the order: sorting the names would not make it
// reproducible. Not reported.

type scope struct {
	index map[string]int
}

func (s *scope) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "scope %p {", s)
	if s != nil && len(s.index) > 0 {
		fmt.Fprintln(&b)
		for name := range s.index {
			fmt.Fprintf(&b, "\t%v\n", name)
		}
	}
	fmt.Fprintf(&b, "}\n")
	return b.String()
}

// The twins: the address written only on some paths, a literal "%%p", the
// address written to another builder, and the address written after a
// return the loop's output can take.

func (s *scope) Maybe(debug bool) string {
	var b strings.Builder
	if debug {
		fmt.Fprintf(&b, "scope %p ", s)
	}
	for name := range s.index { // want `keys written to b, which is returned unsorted`
		fmt.Fprintf(&b, "%v\n", name)
	}
	return b.String()
}

func (s *scope) Percent() string {
	var b strings.Builder
	fmt.Fprintf(&b, "100%%p of %d {", len(s.index))
	for name := range s.index { // want `keys written to b, which is returned unsorted`
		fmt.Fprintf(&b, "%v\n", name)
	}
	return b.String()
}

func (s *scope) Other() string {
	var a, b strings.Builder
	fmt.Fprintf(&a, "scope %p", s)
	for name := range s.index { // want `keys written to b, which is returned unsorted`
		fmt.Fprintf(&b, "%v\n", name)
	}
	return a.String() + b.String()
}

func (s *scope) After() string {
	var b strings.Builder
	for name := range s.index { // want `keys written to b, which is returned unsorted`
		fmt.Fprintf(&b, "%v\n", name)
	}
	if len(s.index) > 3 {
		return b.String()
	}
	fmt.Fprintf(&b, "scope %p", s)
	return b.String()
}
