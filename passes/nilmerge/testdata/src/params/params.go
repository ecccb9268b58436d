// Package params exercises parameters: trusted, unless a call in the
// package passes nil on a path where the write happens. Writes through a
// parameter get no fix (the map made would be lost to the caller).
package params

func fill(dst, src map[string]int) {
	for k, v := range src {
		dst[k] = v // want `write to map dst, which is nil here: dst is passed nil by this call to fill at params.go:13; no fix: dst is a parameter: a map made here would leave the caller's map nil$`
	}
}

func caller(src map[string]int) {
	fill(nil, src)
	fill(nil, nil) // src is nil: nothing is written
	fill(make(map[string]int), src)
}

func add(m map[string]int, k string, on bool) {
	if on {
		m[k] = 1
	}
}

func flagOff() {
	add(nil, "x", false) // the write is skipped when on is false
	add(map[string]int{}, "x", true)
}

type store struct{ enabled bool }

func (s *store) put(m map[string]int, k string) {
	if s.enabled {
		m[k] = 1 // silent: the write depends on s.enabled, which the caller may know
	}
}

func useStore(s *store) {
	s.put(nil, "x")
}

func setMode(m map[string]int, mode string) {
	if mode == "x" {
		m["k"] = 1 // want `write to map m, which is nil here: m is passed nil by this call to setMode at params.go:49`
	}
}

func modes() {
	setMode(nil, "y") // the write needs mode == "x"
	setMode(nil, "x")
}

// A generic helper: each call names an instantiation (fillAll[int]), which
// has no body, so the calls are counted as the generic function's.
func fillAll[V any](dst, src map[string]V) {
	for k, v := range src {
		dst[k] = v // want `write to map dst, which is nil here: dst is passed nil by this call to fillAll at params.go:61`
	}
}

func genericCaller(src map[string]int) {
	fillAll(nil, src)
	fillAll(make(map[string]int), src)
}

// A method of a generic type, with the receiver among the arguments.
type table[V any] struct{ on bool }

func (t *table[V]) put(m map[string]V, k string, v V, on bool) {
	if on {
		m[k] = v // want `write to map m, which is nil here: m is passed nil by this call to put at params.go:76`
	}
}

func genericMethodCaller(t *table[int]) {
	t.put(nil, "x", 1, false) // the write is skipped when on is false
	t.put(nil, "x", 1, true)
}

// Twin: every call of the generic helper passes a map, or nil where the
// write is skipped.
func addIf[V any](m map[string]V, k string, v V, on bool) {
	if on {
		m[k] = v
	}
}

func genericFlagOff() {
	addIf(nil, "x", 1, false)
	addIf(map[string]int{}, "x", 1, true)
}
