//go:build extra

// This file is built only with the extra tag; it writes into a nil map.

package tags

// Index maps each key to its position.
func Index(keys []string) map[string]int {
	var m map[string]int
	for i, k := range keys {
		m[k] = i
	}
	return m
}
