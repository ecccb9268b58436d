// The twin of silent/fieldalias.go: the slice is stored in a field of a
// local sorter, but another field is sorted, so kvs is returned in map
// order.

package sinks

import (
	"slices"
	"strings"
)

type keyValues struct {
	key    string
	values []string
}

type headerSorter struct {
	kvs, old []keyValues
}

func UnsortedKeyValues(h map[string][]string) (kvs []keyValues, hs *headerSorter) { // want UnsortedKeyValues:`orderedresult\(0\)`
	hs = new(headerSorter)
	for k, vv := range h {
		kvs = append(kvs, keyValues{k, vv})
	}
	hs.kvs = kvs
	slices.SortFunc(hs.old, func(a, b keyValues) int { return strings.Compare(a.key, b.key) })
	return kvs, hs
}
