// Package helpers exercises slices returned by helpers: an unexported
// helper whose callers all sort the result is silent, one whose caller
// prints it unsorted is reported, and an exported one passes the order
// to its callers in other packages (OrderedResultFact).
package helpers

import (
	"fmt"
	"sort"
)

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func SortedNames(m map[string]int) []string {
	names := keys(m)
	sort.Strings(names)
	return names
}

func Total(m map[string]int) int {
	t := 0
	for _, k := range keys(m) {
		t += m[k]
	}
	return t
}

func unsortedKeys(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

func Dump(m map[string]int) {
	for _, k := range unsortedKeys(m) {
		fmt.Println(k)
	}
}

func Keys(m map[string]int) []string { // want Keys:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func valuesOf(m map[string]int) []int {
	var out []int
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// Values hands the result of valuesOf to its own callers.
func Values(m map[string]int) []int { // want Values:`orderedresult\(0\)`
	return valuesOf(m)
}

func escaped(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

var Hook = escaped // used as a value: callers are not all visible

func collect(m map[string]int) ([]string, error) {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out, nil
}

func Collected(m map[string]int) ([]string, error) {
	out, err := collect(m)
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// Names returns the names of m, in no particular order.
func Names(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Hosts returns the hosts of m, deduplicated as an unordered set of names.
func Hosts(m map[string]int) []string { // want Hosts:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
