package hintedlimit

import (
	"fmt"
	"slices"

	"hintedlimit/limits"
)

// Hint names the keys close to in, in opa's FuzzyRuleNameMatchHint shape:
// the names, collected in map order, go as a sequence to a function of
// another package that returns them sorted, and the message lists that.
func Hint(m map[string]int, in string) string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	return fmt.Sprintf("%s undefined, did you mean one of %v?", in, limits.Closest(in, slices.Values(names)))
}

// HintLeading lists them as given: the message follows map order.
func HintLeading(m map[string]int, in string) string {
	var names []string
	for k := range m { // want `keys appended to names`
		names = append(names, k)
	}
	return fmt.Sprintf("%s undefined, did you mean one of %v?", in, limits.Leading(in, slices.Values(names)))
}
