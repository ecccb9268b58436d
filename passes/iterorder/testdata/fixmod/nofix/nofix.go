// Package nofix exercises findings without a fix, each with the note that
// says why (the "// note:" comment above the loop gives it; the test
// checks it): keys that are not ordered, a body that deletes entries or
// reassigns the variable the map is read through while reading values,
// assigned (not declared) loop variables, a range over an iterator that
// yields a map's entries, a goto, and a generated file (gen.go).
package nofix

import (
	"fmt"
	"iter"
)

type point struct{ x, y int }

func Points(m map[point]string) {
	// note: no fix: keys of type point are not ordered; sort them with slices.SortFunc and a comparison that suits them
	for p, name := range m { // want `keys printed by fmt.Println`
		fmt.Println(p, name)
	}
}

func Deletes(m map[string]int) {
	// note: no fix: the loop changes entries of m, which keys sorted before the loop would not follow
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
		delete(m, k)
	}
}

func Assigned(m map[string]int) {
	var k string
	// note: no fix: the range assigns to variables declared outside the loop (=)
	for k = range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

type node struct {
	m    map[string]int
	next *node
}

// Walk reads the value of n.m[k] and reassigns n: the fix would read
// n.m[k] from the next node.
func Walk(n *node) {
	// note: no fix: the loop assigns n; the range goes on over the map it started with, and the fix would read values from the new one
	for k, v := range n.m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
		n = n.next
	}
}

type Set struct{ m map[string]bool }

func (s *Set) All() iter.Seq[string] { // want All:`yields map order`
	return func(yield func(string) bool) {
		for k := range s.m {
			if !yield(k) {
				return
			}
		}
	}
}

func Members(s *Set) {
	// note: no fix: s.All yields the entries of a map in map order; sort the keys where it ranges over the map
	for k := range s.All() { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func load() map[string]int { return nil }

// Goto reads values of a call's map, which the fix would store in a
// variable a goto may not jump over.
func Goto(again bool) {
	if again {
		goto done
	}
	// note: no fix: the function has a goto, which may not jump over the variables the fix declares before the loop
	for k, v := range load() { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
done:
	fmt.Println()
}
