// This is a copy of the safemap module for the tests that import it.

// Package safemap holds nil-safe map helpers that maplint's fixes call.
//
// It is a module of its own with no dependencies, so that code fixed by
// maplint never inherits the linter's dependencies.
package safemap

// PutAll copies every entry of src into dst and returns dst, like append.
// When dst is nil and src is not empty, PutAll allocates a new map with room
// for len(src) entries. An empty or nil src leaves dst as it is, so a nil dst
// stays nil. Where dst and src share a key, src's value wins. dst may be src.
//
// Always use the result, as with append:
//
//	dst = safemap.PutAll(dst, src)
func PutAll[M ~map[K]V, K comparable, V any](dst, src M) M {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(M, len(src))
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}
