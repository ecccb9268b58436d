package crosspkg

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"emitter"
)

// The list emitter.Names returns is in map order (OrderedResultFact): it
// is reported where this package shows it.
func PrintNames(w io.Writer, m map[string]int) { // want PrintNames:`sinks\(1: written to w\)`
	names := emitter.Names(m) // want `the result of emitter.Names, built in map order and returned unsorted, is written`
	fmt.Fprintln(w, strings.Join(names, ","))
}

// Its silent twins: the list sorted before it is shown, and a list used as
// a set.
func PrintSortedNames(w io.Writer, m map[string]int) { // want PrintSortedNames:`sinks\(1: written to w\)`
	names := emitter.Names(m)
	slices.Sort(names)
	fmt.Fprintln(w, strings.Join(names, ","))
}

func CountNames(m map[string]int) int {
	seen := map[string]bool{}
	for _, n := range emitter.Names(m) {
		seen[n] = true
	}
	return len(seen)
}
