package generics

import "os"

// A generic helper that can return nil: a call names an instantiation
// (lookup[string]), which has no body, so its nil returns are read from
// the generic origin's.
func lookup[K comparable](m map[K]map[string]string, k K) map[string]string { // want lookup:"returnsNil\\(0@helpers\\.go:10\\)"
	if os.Getenv("STRICT") != "" {
		return nil
	}
	return m[k]
}

func tag(m map[string]map[string]string, k, v string) {
	labels := lookup(m, k)
	labels["tag"] = v // want `write to map labels, which is nil here: returned by lookup, which returns nil at helpers.go:10`
}

// Twin: a generic helper that always returns a map.
func lookupOrNew[K comparable](m map[K]map[string]string, k K) map[string]string {
	if l := m[k]; l != nil {
		return l
	}
	return map[string]string{}
}

func tagSafe(m map[string]map[string]string, k, v string) {
	labels := lookupOrNew(m, k)
	labels["tag"] = v
}
