// Package lib has findings that its test variant repeats, one without a fix,
// and a directive that names no pass.
package lib

// Defaults returns nil for an empty name.
func Defaults(name string) map[string]string {
	if name == "" {
		return nil
	}
	return map[string]string{"name": name}
}

// Merge writes into the map Defaults returns, which may be nil.
func Merge(name string, extra map[string]string) map[string]string {
	out := Defaults(name)
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// Set writes into m, which its caller Reset passes as nil: a parameter
// cannot be fixed in place, so the finding has no fix.
func Set(m map[string]int) {
	m["a"] = 1
}

// Reset calls Set with a nil map.
func Reset() {
	Set(nil)
}

// Ignored names a pass that does not exist.
func Ignored(name string) {
	m := Defaults(name)
	//maplint:ignore nilmerg the name is never empty here
	m["x"] = "y"
}
