// Package teamhelpers is a team's own nil-safe merge helper, named by the
// putall flag.
package teamhelpers

// Merge copies src into dst, making dst when needed, and returns dst.
func Merge[M ~map[K]V, K comparable, V any](dst, src M) M {
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
