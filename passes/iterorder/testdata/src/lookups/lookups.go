// Package lookups exercises returns from a map loop under a condition:
// silent when at most one element can meet it (a lookup: the element
// compared equal to a value from outside, or the element's interval
// holding it, inline or through a predicate whose body is that
// comparison, of this package or another), reported when several can
// (hclwrite's GetAttribute and hclsyntax's attributeAtPos are the silent
// shapes; grpc's rbac findMatchingPolicy is the reported one).
package lookups

import (
	"fmt"
	"sort"

	"lookups/span"
)

type ident struct{ name []byte }

func (i *ident) hasName(name string) bool { // want hasName:`match\[1 2\]`
	return string(i.name) == name
}

// isLarge compares its operand with a constant: not a lookup.
func isLarge(v int) bool {
	return v > 10
}

type attr struct {
	name  *ident
	rng   span.Range
	value int
}

// AttrNamed returns the attribute with the given name: names are unique,
// so at most one entry matches.
func AttrNamed(items map[*attr]struct{}, name string) *attr {
	for a := range items {
		id := a.name
		if id.hasName(name) {
			return a
		}
	}
	return nil
}

// AttrAt returns the attribute whose range holds pos: the ranges of the
// attributes of one body do not overlap.
func AttrAt(attrs map[string]*attr, pos span.Pos) *attr {
	for _, a := range attrs {
		if a.rng.ContainsPos(pos) {
			return a
		}
	}
	return nil
}

// AttrAtOffset is AttrAt with the comparison written inline.
func AttrAtOffset(attrs map[string]*attr, off int) *attr {
	for _, a := range attrs {
		if off >= a.rng.Start.Byte && off < a.rng.End.Byte {
			return a
		}
	}
	return nil
}

// AttrIn returns the first attribute whose value lies in r: several can.
func AttrIn(attrs map[string]*attr, r span.Range) *attr {
	for _, a := range attrs { // want `values returned on the first match, which need not be unique`
		if r.ContainsOffset(a.value) {
			return a
		}
	}
	return nil
}

// Large returns the first large value: several can be.
func Large(attrs map[string]*attr) string {
	for k, a := range attrs { // want `keys returned on the first match, which need not be unique`
		if isLarge(a.value) {
			return k
		}
	}
	return ""
}

type matcher interface{ match(req string) bool }

// FindPolicy is grpc's rbac findMatchingPolicy: the matcher's body is not
// known, and several policies can match one request.
func FindPolicy(policies map[string]matcher, req string) (string, bool) {
	for name, m := range policies { // want `keys returned on the first match, which need not be unique`
		if m.match(req) {
			return name, true
		}
	}
	return "", false
}

// Overlapping returns the first attribute whose range overlaps r: several
// can.
func Overlapping(attrs map[string]*attr, r span.Range) *attr {
	for _, a := range attrs { // want `values returned on the first match, which need not be unique`
		if a.rng.Overlaps(r) {
			return a
		}
	}
	return nil
}

// PruneAll returns, with the error of the first entry that fails, what
// that entry pruned (kubectl's diff pruner): a failure, whichever entry it
// names, like the error itself.
func PruneAll(namespaces map[string]bool, prune func(string) ([]string, error)) ([]string, error) {
	var all []string
	for ns := range namespaces {
		objs, err := prune(ns)
		if err != nil {
			return objs, fmt.Errorf("pruning %s: %v", ns, err)
		}
		all = append(all, objs...)
	}
	sort.Strings(all)
	return all, nil
}

// FirstPruned returns what the first namespace with something to prune
// pruned, with no error: several can.
func FirstPruned(namespaces map[string]bool, prune func(string) ([]string, error)) ([]string, error) {
	for ns := range namespaces { // want `keys returned on the first match, which need not be unique`
		objs, err := prune(ns)
		if err == nil && len(objs) > 0 {
			return objs, nil
		}
	}
	return nil, nil
}
