// Package use holds the helpers of rules_test.go in a package that is not
// a test: a list derived from the rules and sorted before it is returned
// is printed in a fixed order (silent); the twins print the names
// unsorted, or sorted on one path only, in map order.
package use

import (
	"fmt"
	"slices"

	"projection"
)

func names(rules []projection.Rule) []string { // want names:`sortedresult`
	n := make([]string, len(rules))
	for i, r := range rules {
		n[i] = r.Name()
	}
	slices.Sort(n)
	return n
}

func appended(rules []projection.Rule) []string { // want appended:`sortedresult`
	var n []string
	for _, r := range rules {
		n = append(n, r.Name())
	}
	slices.Sort(n)
	return n
}

func unsorted(rules []projection.Rule) []string {
	var n []string
	for _, r := range rules {
		n = append(n, r.Name())
	}
	return n
}

func sortedIf(rules []projection.Rule, sorted bool) []string {
	var n []string
	for _, r := range rules {
		n = append(n, r.Name())
	}
	if !sorted {
		return n
	}
	s := slices.Clone(n)
	slices.Sort(s)
	return s
}

// Print prints the enabled rules' names, sorted.
func Print(m map[string]bool) {
	fmt.Println(names(projection.Enabled(m)))
	fmt.Println(appended(projection.Enabled(m)))
}

// PrintUnsorted prints them in map order.
func PrintUnsorted(m map[string]bool) {
	fmt.Println(unsorted(projection.Enabled(m))) // want "result depends on map iteration order: the result of projection.Enabled, built in map order and returned unsorted, is printed by fmt.Println unsorted"
}

// PrintSortedIf prints them in map order unless asked to sort.
func PrintSortedIf(m map[string]bool, sorted bool) {
	fmt.Println(sortedIf(projection.Enabled(m), sorted)) // want "result depends on map iteration order: the result of projection.Enabled, built in map order and returned unsorted, is printed by fmt.Println unsorted"
}
