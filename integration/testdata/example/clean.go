// This file holds code every maplint pass must stay silent on: the sorted,
// locked and initialised versions of the examples.
package example

import (
	"maps"
	"slices"
	"sync"
)

var (
	mu    sync.Mutex
	sizes = map[string]int{}
)

// MergeInit copies src into a map that is made first.
func MergeInit(src map[string]int) map[string]int {
	out := make(map[string]int, len(src))
	for k, v := range src {
		out[k] = v
	}
	return out
}

// MeasureLocked records word lengths in parallel, under a lock.
func MeasureLocked(words []string) {
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sizes[w] = len(w)
			mu.Unlock()
		}()
	}
	wg.Wait()
}

// SortedNames returns the keys of ages in order.
func SortedNames(ages map[string]int) []string {
	return slices.Sorted(maps.Keys(ages))
}
