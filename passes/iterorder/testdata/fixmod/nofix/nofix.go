// Package nofix exercises findings without a fix: unordered keys, a map
// expression with effects, a body that deletes entries, and assigned
// (not declared) loop variables.
package nofix

import "fmt"

type point struct{ x, y int }

func Points(m map[point]string) {
	for p, name := range m { // want `keys printed by fmt.Println`
		fmt.Println(p, name)
	}
}

func load() map[string]int { return nil }

func Call() {
	for k := range load() { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func Deletes(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
		delete(m, k)
	}
}

func Assigned(m map[string]int) {
	var k string
	for k = range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}
