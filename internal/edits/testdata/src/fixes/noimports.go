// Package fixes exercises the edit helpers: an import added to a file with
// none, to a grouped import, reused when present or renamed when shadowed,
// statements inserted at the right indentation, comments kept.
package fixes

func f(dst, src map[string]int) {
	for k, v := range src { // want "copy loop"
		// Copy every entry.
		dst[k] = v
	}
}
