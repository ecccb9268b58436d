//go:build go1.21

// Package old is compiled as Go 1.21 (by its build constraint), which has
// neither maps.Keys nor slices.Sorted: its findings have no fix.
package old

import "fmt"

func Print(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}
