// This file exercises the fix on map expressions that are not a variable
// or a chain of field selections (a call, an index), which the fix must
// not evaluate more often than the range did: a loop that uses the key
// only ranges over slices.Sorted(maps.Keys(f())), which evaluates f() once;
// one that reads the value stores the map in a variable first, where the
// range evaluated it, and reads the value from it. Also loops over maps of
// a type parameter's core type, and a loop whose body reassigns the
// variable the map is read through, which a loop on the key only may do.
package sortedfix

import (
	"fmt"
	"maps"
	"os"
	"strings"
)

var formatters = map[string]func() string{}

func AvailableFormatters() map[string]string {
	names := map[string]string{}
	for name := range formatters {
		names[name] = name
	}
	return names
}

// Formatters is godog v0.16.0's run.go:205, which reports an unknown
// formatter with the names of the known ones.
func Formatters(format string) int {
	var names []string
	for name := range AvailableFormatters() { // want `keys appended to names`
		names = append(names, name)
	}
	fmt.Fprintln(os.Stderr, fmt.Errorf(`unregistered formatter name: "%s", use one of: %s`, format, strings.Join(names, ", ")))
	return 1
}

type Model map[string]map[string]*string

// Policies ranges over an entry of a map of maps, key only (casbin's
// frontend.go in a Go 1.23 module).
func Policies(model Model) {
	for ptype := range model["p"] { // want `keys printed by fmt.Println`
		fmt.Println(ptype)
	}
}

func load() map[string]int { return nil }

// Loaded reads the value: the map is stored first.
func Loaded() {
	for k, v := range load() { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

// ValuesOnly binds the value only, of an index expression, in a block
// that already declares m.
func ValuesOnly(model Model, m int) {
	for _, v := range model["g"] { // want `values printed by fmt.Println`
		fmt.Println(*v, m)
	}
}

// Labeled stores the map before the label.
func Labeled(stop string) {
outer:
	for k, v := range load() { // want `keys printed by fmt.Println`
		if k == stop {
			break outer
		}
		fmt.Println(k, v)
	}
}

// KeysOf ranges over maps.Keys of a call.
func KeysOf() {
	for k := range maps.Keys(load()) { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

type node struct {
	m    map[string]int
	next *node
}

// Walk reassigns n, through which it reads n.m, but uses the key only: the
// sorted keys are taken from n.m once, as the range took the map.
func Walk(n *node) {
	for k := range n.m { // want `keys printed by fmt.Println`
		fmt.Println(k)
		n = n.next
	}
}

// Generic ranges over a map of a type parameter's type.
func Generic[M ~map[K]V, K ~string | ~int, V any](m M) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}
