// Package testutil helps tests. Its path does not make it a test file:
// tests compare what its fixtures return, so their order is a result.
package testutil

func Clusters(weights map[string]int) []string { // want Clusters:`orderedresult\(0\)`
	var out []string
	for name := range weights {
		out = append(out, name)
	}
	return out
}
