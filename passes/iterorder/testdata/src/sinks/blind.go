package sinks

import (
	"fmt"
	"slices"
)

// This file holds lists built in map order and handed to a helper of the
// package whose result does not depend on their order (blind.go): the
// helper only tests membership (slices.Contains) or reduces with any/all,
// returning one constant wherever it returns. Each has a reported twin
// whose helper lets the order into its result.

// A DiffMode is a diff's mode, as text.
type DiffMode string

const (
	ModeUnchanged DiffMode = "="
	ModeInvolved  DiffMode = "|"
)

// A Diff is a difference.
type Diff interface{ Mode() DiffMode }

type diffs []Diff

// Mode is an any-reduction, rain's shape (cft/diff slice.Mode): Involved as
// soon as one element changed, whichever comes first.
func (s diffs) Mode() DiffMode {
	for _, v := range s {
		if v.Mode() != ModeUnchanged {
			return ModeInvolved
		}
	}
	return ModeUnchanged
}

// First returns the mode of the first changed element: the order shows.
func (s diffs) First() DiffMode {
	for _, v := range s {
		if v.Mode() != ModeUnchanged {
			return v.Mode()
		}
	}
	return ModeUnchanged
}

// Signs returns two different constants from the loop: which element
// comes first decides.
func (s diffs) Signs() DiffMode {
	for _, v := range s {
		if v.Mode() == ModeUnchanged {
			return ModeUnchanged
		}
		if v.Mode() == ModeInvolved {
			return ModeInvolved
		}
	}
	return ""
}

// A DiffMap is a difference between two maps.
type DiffMap map[string]Diff

// Mode collects the values only for the reduction, as rain's dmap.Mode
// does: silent.
func (m DiffMap) Mode() DiffMode {
	s := make(diffs, 0)
	for _, v := range m {
		s = append(s, v)
	}
	return s.Mode()
}

// First collects them for First: reported.
func (m DiffMap) First() DiffMode {
	s := make(diffs, 0)
	for _, v := range m { // want `result depends on map iteration order: values appended to s, which is returned unsorted`
		s = append(s, v)
	}
	return s.First()
}

// Signs collects them for Signs: reported.
func (m DiffMap) Signs() DiffMode {
	s := make(diffs, 0)
	for _, v := range m { // want `result depends on map iteration order: values appended to s, which is returned unsorted`
		s = append(s, v)
	}
	return s.Signs()
}

// A Schema holds properties.
type Schema struct{ Props map[string]int }

func uniqueStrings(in []string) []string {
	u := map[string]bool{}
	for _, s := range in {
		u[s] = true
	}
	out := []string{}
	for s := range u {
		out = append(out, s)
	}
	return out
}

// mergeProps tests each property with slices.Contains only, oasdiff's
// shape (flatten/allof mergeProps): the list's order is not seen.
func mergeProps(s *Schema, cs []map[string]int, toMerge []string) (*Schema, error) {
	res := map[string]int{}
	for _, m := range cs {
		for k, v := range m {
			if slices.Contains(toMerge, k) {
				res[k] += v
			}
		}
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("no properties in %d schemas", len(toMerge))
	}
	s.Props = res
	return s, nil
}

// ResolveProps shows what mergeProps returns: silent.
func ResolveProps(s *Schema, cs []map[string]int) string {
	keys := []string{}
	for _, m := range cs {
		for k := range m {
			keys = append(keys, k)
		}
	}
	r, err := mergeProps(s, cs, uniqueStrings(keys))
	return fmt.Sprint(r, err)
}

func uniqueStrings2(in []string) []string {
	u := map[string]bool{}
	for _, s := range in {
		u[s] = true
	}
	out := []string{}
	for s := range u { // want `result depends on map iteration order: keys appended to out, which is returned unsorted`
		out = append(out, s)
	}
	return out
}

// mergeNamed also names the first property in its error: the order shows.
func mergeNamed(s *Schema, toMerge []string) (*Schema, error) {
	if len(toMerge) > 0 && !slices.Contains(toMerge, "id") {
		return nil, fmt.Errorf("no id, first is %s", toMerge[0])
	}
	return s, nil
}

// ResolveNamed shows what mergeNamed returns: reported at the loop.
func ResolveNamed(s *Schema, in []string) string {
	r, err := mergeNamed(s, uniqueStrings2(in))
	return fmt.Sprint(r, err)
}
