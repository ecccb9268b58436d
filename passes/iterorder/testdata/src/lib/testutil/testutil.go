// Package testutil helps tests: like a test file, its fixtures are not
// results.
package testutil

func Clusters(weights map[string]int) []string {
	var out []string
	for name := range weights {
		out = append(out, name)
	}
	return out
}
