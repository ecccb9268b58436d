//go:build go1.21

// Package go121 is compiled as Go 1.21 (by its build constraint), which has
// slices.Sort but neither maps.Keys nor slices.Sorted: the fix collects the
// keys into a slice, sorts it with slices.Sort and ranges over it, under a
// name nothing else in the block uses, before the loop's label.
package go121

import "fmt"

func Print(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

type ID string

func Labeled(m map[ID]string, keys []ID) {
outer:
	for k, v := range m { // want `keys printed by fmt.Println`
		for _, x := range keys {
			if x == k {
				continue outer
			}
		}
		fmt.Println(k, v)
	}
}
