// Package releaseutil sorts releases (helm's pkg/releaseutil): its
// SortFacts make its sorters sorts in the packages that call them.
package releaseutil

import "sort"

type Release struct {
	Name    string
	Version int
}

type list []*Release

func (s list) Len() int      { return len(s) }
func (s list) Swap(i, j int) { s[i], s[j] = s[j], s[i] }

// ByName sorts releases by name, wrapping the slice in a struct.
type ByName struct{ list }

func (s ByName) Less(i, j int) bool { return s.list[i].Name < s.list[j].Name }

// SortByName sorts the list it is given in place.
func SortByName(l []*Release) { // want SortByName:`sorts 0`
	sort.Sort(ByName{l})
}

// Count does not sort.
func Count(l []*Release) int {
	return len(l)
}
