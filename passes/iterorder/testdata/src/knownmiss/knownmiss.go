// Package knownmiss records what the pass does not see yet. Each function
// is order-dependent; the missing want comments are the known misses.
package knownmiss

import (
	"reflect"
	"sort"
)

// known miss: slices kept per key of another map are not followed.
func Group(m map[string]string) map[string][]string {
	groups := map[string][]string{}
	for k, g := range m {
		groups[g] = append(groups[g], k)
	}
	return groups
}

// known miss: a slice compared in a test is order-dependent, but
// reflect.DeepEqual is not a sink.
func Equal(m map[string]int, want []string) bool {
	var got []string
	for k := range m {
		got = append(got, k)
	}
	return reflect.DeepEqual(got, want)
}

// known miss: a sort on one branch is taken to cover every use.
func MaybeSorted(m map[string]int, sorted bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	if sorted {
		sort.Strings(out)
	}
	return out
}

// known miss: closures are not followed.
func Deferred(m map[string]int, emit func(string)) {
	for k := range m {
		func() { emit(k) }()
	}
}

type set struct{ items []string }

func newSet(items []string) *set { return &set{items: items} }

// known miss: a slice handed to a function that builds a struct from it is
// not followed into the struct (most such functions consume it).
func Constructed(m map[string]int) *set {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return newSet(keys)
}
