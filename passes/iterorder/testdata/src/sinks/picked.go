package sinks

// This file holds errors built, after a map loop, from one element of the
// list the loop filled (picked.go): returned on a failure path, such an
// error names the first entry that failed, and the failure is the same in
// any order. The twins list the whole list in the error, or return the
// element as a result.
import (
	"errors"
	"fmt"
	"strings"
)

type discField struct {
	name   string
	reason string
}

// CheckDiscriminators names the first field that cannot discriminate a
// sum type's variants, in ogen's shape (gen/schema_gen_sum.go): silent.
func CheckDiscriminators(fields map[string][]int) (string, error) {
	var bad []discField
	ok := false
	for name, vs := range fields {
		if len(vs) < 2 {
			continue
		}
		if vs[0] == vs[1] {
			bad = append(bad, discField{name: name, reason: "same"})
			continue
		}
		ok = true
	}
	if len(bad) > 0 && !ok {
		f := bad[0]
		return "", fmt.Errorf("field %q cannot discriminate: %s", f.name, f.reason)
	}
	return "fine", nil
}

// CheckAllFields lists every failing field in map order: reported.
func CheckAllFields(fields map[string][]int) (string, error) {
	var bad []string
	for name, vs := range fields { // want `result depends on map iteration order: keys appended to bad, which is returned unsorted`
		if len(vs) >= 2 && vs[0] == vs[1] {
			bad = append(bad, name)
		}
	}
	if len(bad) > 0 {
		return "", errors.New(strings.Join(bad, ", "))
	}
	return "fine", nil
}

// FirstField returns the first name as a result, not a failure: reported.
func FirstField(fields map[string][]int) (string, error) {
	var bad []string
	for name := range fields { // want `result depends on map iteration order: keys appended to bad, which is returned unsorted`
		bad = append(bad, name)
	}
	if len(bad) > 0 {
		return bad[0], nil
	}
	return "", nil
}
