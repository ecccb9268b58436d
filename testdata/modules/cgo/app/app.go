// Package app merges limits into a map that may be nil.
package app

import "example.com/cgo/clib"

// Limits returns the limits of name with extra added.
func Limits(name string, extra map[string]int) map[string]int {
	out := clib.Limits(name)
	for k, v := range extra {
		out[k] = v
	}
	return out
}
