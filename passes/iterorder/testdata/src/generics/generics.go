// Package generics exercises generic code: a generic helper whose fact
// says it writes its argument, generic maps, and a generic collector
// whose callers sort.
package generics

import (
	"cmp"
	"fmt"
	"io"
	"slices"
)

func emit[T any](w io.Writer, x T) { // want emit:`sinks\(1: written to w\)`
	fmt.Fprintln(w, x)
}

func Dump[K comparable, V any](w io.Writer, m map[K]V) {
	for k := range m { // want `keys passed to emit, whose argument is written to w`
		emit(w, k)
	}
}

func Keys[K comparable, V any](m map[K]V) []K { // want Keys:`orderedresult\(0\)`
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func keysOf[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Sorted[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	ks := keysOf(m)
	slices.Sort(ks)
	return ks
}
