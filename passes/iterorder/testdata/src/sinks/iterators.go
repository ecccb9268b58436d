// This file exercises ranges over maps.Keys, maps.Values and maps.All,
// which visit the map in map order too.
package sinks

import (
	"fmt"
	"maps"
)

func Keys(m map[string]int) {
	for k := range maps.Keys(m) { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func Values(m map[string]int) []int { // want Values:`orderedresult\(0\)`
	var out []int
	for v := range maps.Values(m) {
		out = append(out, v)
	}
	return out
}

func All(m map[string]int) {
	for k, v := range maps.All(m) { // want `keys printed by fmt.Printf`
		fmt.Printf("%s=%d\n", k, v)
	}
}
