// Package testutil helps tests. Its path does not make it a test file:
// the map order of what its fixtures return passes to the tests that call
// them (OrderedResultFact), as from any package.
package testutil

func Clusters(weights map[string]int) []string { // want Clusters:`orderedresult\(0\)`
	var out []string
	for name := range weights {
		out = append(out, name)
	}
	return out
}
