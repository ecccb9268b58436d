// Package sources exercises every source of a nil map that nilmerge tracks:
// nil literals, named results, zero structs, new(T), struct literals that
// leave a field unset, branches that make the map on one path only, helpers
// that return nil, maps of maps and package variables.
package sources

import "os"

func nilLiteral(k string) {
	m := map[string]int{}
	m = nil
	m[k] = 1 // want `write to map m, which is nil here: assigned nil at sources.go:11`
}

func namedResult(src map[string]bool) (set map[string]bool) { // want namedResult:"returnsNil\\(0@sources\\.go:19\\)"
	for k := range src {
		set[k] = true // want `write to map set, which is nil here: named result declared without make at sources.go:15`
	}
	return set
}

type counters struct {
	name string
	hits map[string]int
}

func zeroStruct(k string) {
	var c counters
	c.hits[k]++ // want `write to map c.hits, which is nil here: field hits left unset by the value created at sources.go:28`
}

func newStruct(k string) {
	c := new(counters)
	c.hits[k]++ // want `write to map c.hits, which is nil here: field hits left unset by the value created at sources.go:33`
}

func literal(k string) {
	c := &counters{name: "x"}
	c.hits[k]++ // want `write to map c.hits, which is nil here: field hits left unset by the value created at sources.go:38`
}

func oneBranch(fresh bool, k string) {
	var m map[string]int
	if fresh {
		m = make(map[string]int)
	}
	m[k] = 1 // want `write to map m, which is nil here: declared without make at sources.go:43`
}

func load() map[string]string { // want load:"returnsNil\\(0@sources.go:55\\)"
	var m map[string]string
	if _, err := os.Stat("config"); err == nil {
		m = make(map[string]string)
	}
	return m
}

func helper() {
	cfg := load()
	cfg["k"] = "v" // want `write to map cfg, which is nil here: returned by load, which returns nil at sources.go:55`
}

func mapOfMaps(rows [][2]string) map[string]map[string]bool {
	idx := make(map[string]map[string]bool)
	for _, r := range rows {
		idx[r[0]][r[1]] = true // want `write to map idx\[r\[0\]\], which is nil here: every lookup in idx is nil: nothing stores into the outer map made at sources.go:64; no fix: storing a map made for idx\[r\[0\]\] would evaluate r\[0\] again$`
	}
	return idx
}

var registry map[string]func()

// Register adds a handler.
func Register(name string, f func()) {
	registry[name] = f // want `write to map registry, which is nil here: package variable registry is declared without make and never assigned at sources.go:71`
}

// Cache is created by a literal that leaves items unset, and nothing ever
// assigns items, so Put always panics.
type Cache struct {
	items map[string][]byte
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// Put stores a value.
func (c *Cache) Put(k string, v []byte) {
	c.items[k] = v // want `write to map c.items, which is nil here: field items is never assigned, and Cache is created without it at sources.go:85`
}

func clone(m map[string]int) map[string]int { // want clone:"returnsNil\\(0@sources\\.go:94\\ if\\ p0\\ nil\\)"
	if m == nil {
		return nil
	}
	out := map[string]int{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func cloneOfNil() {
	var src map[string]int
	c := clone(src)
	c["k"] = 1 // want `write to map c, which is nil here: returned by clone, which returns nil at sources.go:94`
	d := clone(map[string]int{"a": 1})
	d["k"] = 1
}

func find() (map[string]int, error) { // want find:"returnsNil\\(0@sources.go:113\\)"
	if os.Getenv("FIND") == "" {
		return nil, nil
	}
	return map[string]int{}, nil
}

func nilWithNilError() error {
	m, err := find()
	if err != nil {
		return err
	}
	m["k"] = 1 // want `write to map m, which is nil here: returned by find, which returns nil at sources.go:113`
	return nil
}

type state struct{ n int }

func (s *state) has(k string) bool { return s != nil && s.n > len(k) }

// A state captured by a closure, set under another flag than the map: its
// check at the write does not rule out the nil map.
func capturedOtherFlag(a, b bool, keys []string) {
	var st *state
	var m map[string]int
	if a {
		st = &state{n: 3}
	}
	if b {
		m = make(map[string]int)
	}
	has := func(k string) bool { return st != nil && st.has(k) }
	for i, k := range keys {
		if has(k) && st != nil {
			m[k] = i // want `write to map m, which is nil here: declared without make at sources.go:\d+`
		}
	}
}

// A loop entered under another flag than the one that makes the map.
func loopUnderOtherFlag(a, b bool, keys []string) {
	var m map[string]int
	if a {
		m = make(map[string]int)
	}
	if b {
		for i := 0; i < len(keys); i++ {
			m[keys[i]] = i // want `write to map m, which is nil here: declared without make at sources.go:\d+`
		}
	}
}
