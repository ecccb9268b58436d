// Package params exercises parameters: trusted, unless a call in the
// package passes nil on a path where the write happens. Writes through a
// parameter get no fix (the map made would be lost to the caller).
package params

func fill(dst, src map[string]int) {
	for k, v := range src {
		dst[k] = v // want `write to map dst, which is nil here: dst is passed nil by this call to fill at params.go:13`
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
