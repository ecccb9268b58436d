package sinks

import (
	"fmt"
	"io"
	"strings"
)

// This file holds statements guarded by an equality between the loop's
// key and a value that does not change between iterations: a map's keys
// are distinct, so at most one entry runs them, and no order reaches what
// they build (keyguard.go). Each silent shape has a reported twin where
// more than one entry can pass the guard.

const commentSep = "\x1e"

// joinPath is pure: its result depends on its arguments alone.
func joinPath(prefix, segment string) string {
	if prefix == "" {
		return segment
	}
	return prefix + commentSep + segment
}

// InjectHead prepends the one comment stored under the root's head path,
// in yq's shape (pkg/yqlib/encoder_hcl.go, injectComments): silent.
func InjectHead(result string, comments map[string]string) string {
	for path, comment := range comments {
		if path == joinPath("__root__", "head") {
			trimmed := strings.TrimSpace(comment)
			if trimmed != "" && !strings.HasPrefix(result, trimmed) {
				result = trimmed + "\n" + result
			}
		}
	}
	return result
}

// InjectNamed compares the key with a parameter: silent too.
func InjectNamed(result string, comments map[string]string, want string) string {
	for path, comment := range comments {
		if want == path {
			result = comment + "\n" + result
		}
	}
	return result
}

// InjectPrefixed takes every comment under a prefix: several keys pass.
func InjectPrefixed(result string, comments map[string]string, prefix string) string {
	for path, comment := range comments { // want `result depends on map iteration order: keys concatenated onto result, which is returned unsorted`
		if strings.HasPrefix(path, prefix) {
			result = comment + "\n" + result
		}
	}
	return result
}

// InjectSelf compares the key with a value computed from the entry: the
// guard holds for any entry whose comment names its own path.
func InjectSelf(result string, comments map[string]string) string {
	for path, comment := range comments { // want `result depends on map iteration order: keys concatenated onto result, which is returned unsorted`
		if path == joinPath("__root__", comment) {
			result = path + "\n" + result
		}
	}
	return result
}

// InjectMoving compares the key with a value the loop changes: each
// iteration asks for another key, and several can match.
func InjectMoving(comments map[string]string, order []string) string {
	var out []string
	i := 0
	for path := range comments { // want `result depends on map iteration order: keys appended to out`
		if i < len(order) && path == order[i] {
			out = append(out, path)
		}
		i++
	}
	return strings.Join(out, ",")
}

var current = "head"

// next reads a package variable: not pure, its result may change.
func next() string { return current }

// InjectCurrent compares the key with the result of an impure call.
func InjectCurrent(comments map[string]string) string {
	var out []string
	for path := range comments { // want `result depends on map iteration order: keys appended to out`
		if path == next() {
			out = append(out, path)
		}
	}
	return strings.Join(out, ",")
}

// ByKind filters by the value: values are not distinct, many entries pass.
func ByKind(m map[string]int, kind int) string {
	var out []string
	for k, v := range m { // want `result depends on map iteration order: keys appended to out`
		if v == kind {
			out = append(out, k)
		}
	}
	return strings.Join(out, ",")
}

// PrintOne writes the value of one named key to w: silent.
func PrintOne(w io.Writer, m map[string]int) {
	for k, v := range m {
		switch k {
		case "total":
			fmt.Fprintln(w, k, v)
		}
	}
}

// PrintTwo writes two keys' values: they come in map order.
func PrintTwo(w io.Writer, m map[string]int) {
	for k, v := range m { // want `result depends on map iteration order: keys written to w`
		switch k {
		case "total", "count":
			fmt.Fprintln(w, k, v)
		}
	}
}
