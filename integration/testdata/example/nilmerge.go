// This file holds nilmerge's example: a merge into a map that is nil on
// every path, which panics with "assignment to entry in nil map" as soon as
// src has an entry.
package example

// Merge copies src into a new map.
func Merge(src map[string]int) map[string]int {
	var out map[string]int
	for k, v := range src {
		out[k] = v
	}
	return out
}
