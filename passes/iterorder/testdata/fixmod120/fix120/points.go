package fix120

import "fmt"

type point struct{ x, y int }

// Points ranges over keys that are not ordered: no fix.
func Points(m map[point]int) {
	// note: no fix: keys of type point are not ordered; sort them with sort.Slice and a comparison that suits them
	for p := range m { // want `keys printed by fmt.Println`
		fmt.Println(p)
	}
}
