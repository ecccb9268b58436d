// A slice sorted through a field that shares its backing array:
// net/http's Header.sortedKeyValues (header.go) appends the entries to kvs,
// stores kvs in a pooled sorter (hs.kvs = kvs) and sorts hs.kvs, which
// sorts kvs in place, before returning kvs.

package silent

import (
	"slices"
	"strings"
	"sync"
)

type keyValues struct {
	key    string
	values []string
}

type headerSorter struct {
	kvs []keyValues
}

var headerSorterPool = sync.Pool{
	New: func() any { return new(headerSorter) },
}

func SortedKeyValues(h map[string][]string) (kvs []keyValues, hs *headerSorter) {
	hs = headerSorterPool.Get().(*headerSorter)
	kvs = hs.kvs[:0]
	for k, vv := range h {
		kvs = append(kvs, keyValues{k, vv})
	}
	hs.kvs = kvs
	slices.SortFunc(hs.kvs, func(a, b keyValues) int { return strings.Compare(a.key, b.key) })
	return kvs, hs
}
