// Package generics exercises writes into maps whose type is a type
// parameter constrained by ~map[K]V: a zero value of the type parameter is
// nil just as a plain map is.
package generics

// Merge copies every entry of src into a result declared without make.
func Merge[M ~map[K]V, K comparable, V any](src M) M { // want Merge:"returnsNil\\(0@generics\\.go:12\\)"
	var out M
	for k, v := range src {
		out[k] = v // want `write to map out, which is nil here: declared without make at generics.go:8`
	}
	return out
}

// MergeInto is safe: it makes dst when it is nil.
func MergeInto[M ~map[K]V, K comparable, V any](dst, src M) M {
	if dst == nil {
		dst = make(M, len(src))
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

// Set is a generic set with a field that its constructor forgets.
type Set[K comparable] struct {
	items map[K]struct{}
}

// NewSet returns an empty set.
func NewSet[K comparable]() *Set[K] { return &Set[K]{} }

// Add adds k.
func (s *Set[K]) Add(k K) {
	s.items[k] = struct{}{} // want `write to map s.items, which is nil here: field items is never assigned, and Set is created without it at generics.go:32`
}

// MergeExact is Merge with a constraint of one exact map type: its core
// type is that map too, so the fix sizes the map for src.
func MergeExact[M map[K]V, K comparable, V any](src M) M { // want MergeExact:"returnsNil\\(0@generics\\.go:46\\)"
	var out M
	for k, v := range src {
		out[k] = v // want `write to map out, which is nil here: declared without make at generics.go:42`
	}
	return out
}
