// This file exercises the fix on ranges over maps.Keys and maps.All, where
// the maps package is already imported.
package sortedfix

import (
	"fmt"
	"maps"
)

func Keys(m map[string]bool) {
	for k := range maps.Keys(m) { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func All(m map[string]bool) {
	for k, v := range maps.All(m) { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}
