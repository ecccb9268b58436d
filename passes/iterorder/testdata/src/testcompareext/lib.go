// This package checks tests in an external test package (package
// testcompareext_test): a call whose result carries the order of a map
// (OrderedResultFact) is reported where the test compares it in order
// with a fixed list, and not where it compares as a set or counts.
package testcompareext

// Keys returns the keys of m in map order.
func Keys(m map[string]int) []string { // want Keys:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
