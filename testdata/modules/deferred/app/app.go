// Package app prints what lib's Keys and Names return. Names's order
// reaches app (lib hands it on) and is reported here; Keys's is reported in
// lib, where Dump shows it, and not again here.
package app

import (
	"fmt"

	"example.com/deferred/lib"
)

// Print prints the keys and the names of m.
func Print(m map[string]int) {
	fmt.Println(lib.Keys(m))
	fmt.Println(lib.Names(m))
}
