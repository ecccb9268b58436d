// This file holds revive's config_test.go shape: an external test package
// whose helper copies each rule's name into a new slice (by index, or by
// append), sorts it and returns it, and tests that compare the helper's
// result in order with a fixed list (silent: the list compared is
// sorted). The twins' helpers return the names unsorted, or sort a copy
// and return the unsorted original: the comparison in order is flaky
// (stripe/smokescreen#190's shape, through a helper).
package projection_test

import (
	"slices"
	"testing"

	"projection"
)

func ruleNames(rules []projection.Rule) []string { // want ruleNames:`sortedresult`
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name()
	}
	slices.Sort(names)
	return names
}

func appendedNames(rules []projection.Rule) []string { // want appendedNames:`sortedresult`
	if len(rules) == 0 {
		return nil
	}
	var names []string
	for _, r := range rules {
		names = append(names, r.Name())
	}
	slices.Sort(names)
	return names
}

func unsortedNames(rules []projection.Rule) []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name()
	}
	return names
}

func namesSortedCopy(rules []projection.Rule) []string {
	var names []string
	for _, r := range rules {
		names = append(names, r.Name())
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	return names
}

func TestRuleNames(t *testing.T) {
	got := ruleNames(projection.Enabled(map[string]bool{"a": true, "b": true}))
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Error(got)
	}
}

func TestAppendedNames(t *testing.T) {
	if got, want := appendedNames(projection.Enabled(map[string]bool{"a": true, "b": true})), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Error(got)
	}
}

func TestUnsortedNames(t *testing.T) {
	got := unsortedNames(projection.Enabled(map[string]bool{"a": true, "b": true})) // want "result depends on map iteration order: the result of projection.Enabled, built in map order and returned unsorted, is compared by slices.Equal unsorted"
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Error(got)
	}
}

func TestNamesSortedCopy(t *testing.T) {
	got := namesSortedCopy(projection.Enabled(map[string]bool{"a": true, "b": true})) // want "result depends on map iteration order: the result of projection.Enabled, built in map order and returned unsorted, is compared by slices.Equal unsorted"
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Error(got)
	}
}
