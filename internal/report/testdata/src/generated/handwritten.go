// This file is not generated: its finding keeps its fix.
package generated

func g(m map[string]int) {
	m["a"] = 1 // want "map write"
}
