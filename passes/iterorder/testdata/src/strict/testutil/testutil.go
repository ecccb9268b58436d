// Package testutil is a test helper: under -strict its fixtures are
// judged like any code.
package testutil

func Clusters(weights map[string]int) []string {
	var out []string
	for name := range weights { // want `keys appended to out, which is returned unsorted`
		out = append(out, name)
	}
	return out
}
