//go:build linux

// This file checks a build-tagged file: it is analysed when its tag holds
// (the tests run on linux), like any other.
package buildtag

import "fmt"

func Print(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}
