// Package clean uses maps correctly; maplint must say nothing about it.
package clean

import (
	"maps"
	"slices"
)

// Merge returns a new map with the entries of a and b.
func Merge(a, b map[string]int) map[string]int {
	out := make(map[string]int, len(a)+len(b))
	maps.Copy(out, a)
	maps.Copy(out, b)
	return out
}

// Keys returns the keys of m in order.
func Keys(m map[string]int) []string {
	return slices.Sorted(maps.Keys(m))
}

// Total returns the sum of the values of m.
func Total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
