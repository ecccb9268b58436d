// Package nilhelper exports a helper that can return nil; nilcaller writes
// into its result, and learns about the nil through the ReturnsNil fact.
package nilhelper

import "os"

// Labels returns the labels in the environment, or nil when there are none.
func Labels() map[string]string { // want Labels:"returnsNil\\(0@nilhelper.go:11\\)"
	v := os.Getenv("LABELS")
	if v == "" {
		return nil
	}
	return map[string]string{"labels": v}
}

// Ensure always returns a map.
func Ensure() map[string]string {
	return map[string]string{}
}

// Clone returns nil only for a nil input: callers may know theirs is not.
func Clone(m map[string]string) map[string]string { // want Clone:"returnsNil\\(0@nilhelper\\.go:24\\ if\\ p0\\ nil\\)"
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Defaults returns the default labels of a service, or nil when it has none.
func Defaults(service string) map[string]string { // want Defaults:`returnsNil\(0@nilhelper.go:36 if p0=="" true\)`
	if service == "" {
		return nil
	}
	return map[string]string{"service": service}
}

type entry struct{ n int }

// Entries returns the entries in the environment, or nil. Its element type
// cannot be named outside this package, so a fix cannot write make(...).
func Entries() map[string]*entry { // want Entries:`returnsNil\(0@nilhelper.go:47\)`
	if os.Getenv("ENTRIES") == "" {
		return nil
	}
	return map[string]*entry{}
}
