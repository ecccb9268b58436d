package fix120

// This file exercises a key type of a package the file does not import:
// the fix imports it to declare the slice of keys.

import (
	"fmt"

	"fixmod120/table"
)

// Unimported ranges over a call's map keyed by lvl.Level: the fix stores
// the map, imports lvl and declares a []lvl.Level.
func Unimported() {
	for k, v := range table.Names() { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}
