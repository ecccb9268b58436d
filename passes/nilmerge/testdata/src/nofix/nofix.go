// Package nofix holds findings with no fix, each saying why: the map made
// by a fix would be assigned to a copy and lost (a value receiver's field),
// its type cannot be written here (an unexported type of another package),
// there is no location to store it in, no statement to put it before, make
// means something else, or the constructor has no literal to set it in.
// Each want pins the reason to the end of the message.
package nofix

import "nilhelper"

func unnameable() {
	e := nilhelper.Entries()
	e["k"] = nil // want `write to map e, which is nil here: returned by nilhelper.Entries, which returns nil at nilhelper.go:47; no fix: type map\[string\]\*nilhelper.entry cannot be written in this file$`
}

// Bag's items are never assigned, and Add has a value receiver: making the
// map in Add would only change Add's copy.
type Bag struct {
	items map[string]int
}

// Add counts k.
func (b Bag) Add(k string) {
	b.items[k]++ // want `write to map b.items, which is nil here: field items of Bag is never assigned at nofix.go:19; no fix: b is a receiver passed by value: a map made here for b.items would leave the caller's field nil$`
}

func nilMap() map[string]int { return nil } // want nilMap:`returnsNil\(0@nofix.go:27\)`

// A call's result is no location a map made for it could be stored in.
func callResult(k string) {
	nilMap()[k] = 1 // want `write to map nilMap\(\), which is nil here: returned by nilMap, which returns nil at nofix.go:27; no fix: nilMap\(\) is not a variable, field or map entry that a map made here could be stored in$`
}

// A write in an if statement's header is no statement of a block.
func header(k string) {
	var m map[string]int
	if m[k] = 1; k != "" { // want `no fix: the write is not a statement of a block, before which a make could go$`
		sink(m)
	}
}

// make is a local variable here.
func shadowed(k string) {
	var m map[string]int
	make := 1
	m[k] = make // want `no fix: make is not the builtin here$`
	sink(m)
}

func sink(map[string]int) {}

// Pool's constructor builds it with new: there is no literal to set Items
// in.
type Pool struct {
	Items map[string]int
}

func NewPool() *Pool {
	return new(Pool)
}

func (p *Pool) Put(k string) {
	p.Items[k] = 1 // want `field Items is left nil by NewPool, and nothing in the package sets it at nofix.go:58; no fix: NewPool builds the value without a composite literal to set Items in$`
}
