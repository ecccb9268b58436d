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

// Known limitation: a list passed up through a chain of unexported
// functions deeper than the scan's bound before it is printed is not
// reported at the call; the bound is not taken as proof that a caller
// shows it (prometheus tsdb/querier.go:476, where the oracle judged the
// list index.Reader.LabelValues returns a false positive).
func deep1(m map[string]int) []string { return emitter.Names(m) }
func deep2(m map[string]int) []string { return deep1(m) }
func deep3(m map[string]int) []string { return deep2(m) }
func deep4(m map[string]int) []string { return deep3(m) }

func PrintDeep(m map[string]int) {
	fmt.Println(deep4(m))
}
