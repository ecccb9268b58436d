// Package nofix holds findings with no fix: the map made by a fix would be
// assigned to a copy and lost (a value receiver's field), or its type cannot
// be written here (an unexported type of another package).
package nofix

import "nilhelper"

func unnameable() {
	e := nilhelper.Entries()
	e["k"] = nil // want `write to map e, which is nil here: returned by nilhelper.Entries, which returns nil at nilhelper.go:47`
}

// Bag's items are never assigned, and Add has a value receiver: making the
// map in Add would only change Add's copy.
type Bag struct {
	items map[string]int
}

// Add counts k.
func (b Bag) Add(k string) {
	b.items[k]++ // want `write to map b.items, which is nil here: field items of Bag is never assigned at nofix.go:16`
}
