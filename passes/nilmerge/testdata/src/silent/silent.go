// Package silent holds code that is safe and on which nilmerge must stay
// silent: dominating nil checks and assignments, parameters, empty sources,
// sync.Map, helpers that make the map, correlated branches, exits that end
// a path, and helpers whose nil return the caller checks through an error.
package silent

import (
	"errors"
	"log"
	"maps"
	"os"
	"sync"
)

func dominatingCheck(m map[string]int, k string) {
	if m == nil {
		m = make(map[string]int)
	}
	m[k] = 1
}

func lazyMake(k string) map[string]int {
	var m map[string]int
	if m == nil {
		m = map[string]int{}
	}
	m[k]++
	return m
}

func earlyReturn(k string) {
	m := maybe()
	if m == nil {
		return
	}
	m[k] = 1
}

func guarded(k string) {
	m := maybe()
	if m != nil {
		m[k] = 1
	}
	if len(m) > 0 {
		m[k] = 2
	}
}

func fatal(k string) {
	m := maybe()
	if m == nil {
		log.Fatal("no map")
	}
	m[k] = 1
}

func exit(k string) {
	m := maybe()
	if m == nil {
		die()
	}
	m[k] = 1
}

func die() { os.Exit(2) }

func maybe() map[string]int { // want maybe:"returnsNil\\(0@silent.go:69\\)"
	if _, err := os.Stat("x"); err != nil {
		return nil
	}
	return map[string]int{}
}

func parameter(m map[string]int, k string) {
	m[k] = 1
}

func emptySource() map[string]int { // want emptySource:"returnsNil\\(0@silent.go:85\\)"
	var src, dst map[string]int
	for k, v := range src {
		dst[k] = v
	}
	maps.Copy(dst, src)
	maps.Insert(dst, maps.All(src))
	return dst
}

func correlatedSource(load bool) map[string]int { // want correlatedSource:"returnsNil\\(0@silent\\.go:97\\ if\\ p0\\ false\\)"
	var src, dst map[string]int
	if load {
		src = map[string]int{"a": 1}
		dst = make(map[string]int)
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

func lengthGuard(src map[string]int) map[string]int { // want lengthGuard:"returnsNil\\(0@silent\\.go:108\\ if\\ p0\\ empty\\)"
	var dst map[string]int
	if len(src) > 0 {
		dst = make(map[string]int, len(src))
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

func correlatedFlag(enabled bool, k string) {
	var m map[string]int
	if enabled {
		m = make(map[string]int)
	}
	if enabled {
		m[k] = 1
	}
}

func firstIteration(keys []string) map[string]int {
	var m map[string]int
	first := true
	for _, k := range keys {
		if first {
			m = make(map[string]int)
			first = false
		}
		m[k]++
	}
	return m
}

func syncMap(k string) {
	var m sync.Map
	m.Store(k, 1)
}

func getOrCreate(outer map[string]map[string]int, k string) map[string]int {
	inner, ok := outer[k]
	if !ok {
		inner = make(map[string]int)
		outer[k] = inner
	}
	return inner
}

func helperMakes(k, x string) {
	outer := make(map[string]map[string]int)
	getOrCreate(outer, k)[x] = 1
}

func mapOfMapsChecked(rows [][2]string) {
	idx := make(map[string]map[string]bool)
	for _, r := range rows {
		if _, ok := idx[r[0]]; !ok {
			idx[r[0]] = make(map[string]bool)
		}
		idx[r[0]][r[1]] = true
	}
	byNil := make(map[string]map[string]bool)
	for _, r := range rows {
		if byNil[r[0]] == nil {
			byNil[r[0]] = map[string]bool{}
		}
		byNil[r[0]][r[1]] = true
	}
	prefilled := map[string]map[string]bool{"a": {}}
	prefilled["a"]["x"] = true
}

func commaOk(outer map[string]map[string]int, k string) {
	if inner, ok := outer[k]; ok {
		inner["x"] = 1
	}
}

var errMissing = errors.New("missing")

func loadErr(name string) (map[string]int, error) { // want loadErr:`returnsNil\(0@silent.go:182 with error if p0=="" true\)`
	if name == "" {
		return nil, errMissing
	}
	return map[string]int{}, nil
}

func errorChecked() error {
	m, err := loadErr("x")
	if err != nil {
		return err
	}
	m["k"] = 1
	return nil
}

func loadOk() (map[string]int, bool) { // want loadOk:`returnsNil\(0@silent.go:198 with false ok\)`
	if _, err := os.Stat("x"); err != nil {
		return nil, false
	}
	return map[string]int{}, true
}

func okChecked() {
	m, ok := loadOk()
	if !ok {
		return
	}
	m["k"] = 1
}

func cloneOf(m map[string]int) map[string]int { // want cloneOf:"returnsNil\\(0@silent\\.go:213\\ if\\ p0\\ nil\\)"
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}

func inputDependentHelper(src map[string]int) {
	c := cloneOf(src)
	c["k"] = 1
}

func rangeOverSelf(m map[string]int) {
	for k, v := range m {
		m[k] = v * 2
	}
}

func closureInit(k string) {
	var m map[string]int
	init := func() { m = make(map[string]int) }
	init()
	m[k] = 1
}

func addressTaken(k string) {
	var m map[string]int
	fill(&m)
	m[k] = 1
}

func fill(p *map[string]int) { *p = map[string]int{} }

// Store has its map made by the constructor: the field is assigned.
type Store struct {
	data map[string]int
}

// NewStore makes a store.
func NewStore() *Store { return &Store{data: map[string]int{}} }

// Set writes a value.
func (s *Store) Set(k string, v int) { s.data[k] = v }

// Lazy makes its map on first use.
type Lazy struct {
	data map[string]int
}

// Set writes a value.
func (l *Lazy) Set(k string, v int) {
	if l.data == nil {
		l.data = make(map[string]int)
	}
	l.data[k] = v
}

// Exported has an exported field that other packages may set.
type Exported struct {
	Data map[string]int
}

// Set writes a value.
func (e *Exported) Set(k string, v int) { e.Data[k] = v }

var table = map[string]int{}

func global(k string) { table[k] = 1 }

var initialised map[string]int

func init() { initialised = make(map[string]int) }

func initGlobal(k string) { initialised[k] = 1 }

// from reflect.FieldByNameFunc: a lookup that finds a count > 0 proves the
// map has entries.
func lookupProvesNonEmpty(keys []string) map[string]int {
	var count map[string]int
	for _, k := range keys {
		if count[k] > 0 {
			count[k] = 2
			continue
		}
		if count == nil {
			count = map[string]int{}
		}
		count[k] = 1
	}
	return count
}

// from runtime's map benchmarks: the map is made on the first iteration.
func madeOnFirstIteration(n int, keys []string) {
	var m map[string]int
	for i := 0; i < 100; i++ {
		if i%n == 0 {
			m = make(map[string]int)
		}
		m[keys[i%n]] = i
	}
}

type kind int

const (
	kindA kind = iota
	kindB
	kindC
)

// The map is made for kinds a and b, and written only for those.
func correlatedSwitch(k kind, key string) {
	var m map[string]int
	switch k {
	case kindA:
		m = make(map[string]int)
	case kindB:
		m = map[string]int{}
	}
	if k == kindA || k == kindB {
		m[key] = 1
	}
}

type options struct{ labels bool }

func (o *options) enabled() bool { return o.labels }

// The same condition, tested twice through a field and through a method.
func sameConditionTwice(o *options, k string) {
	var m, n map[string]int
	if o != nil && o.labels {
		m = make(map[string]int)
	}
	if o.enabled() {
		n = make(map[string]int)
	}
	if o != nil && o.labels {
		m[k] = 1
	}
	if o.enabled() {
		n[k] = 1
	}
}

// The map is made on the first iteration, by the counter.
func counterFirst(keys []string) {
	var m map[string]int
	for i, k := range keys {
		if i == 0 {
			m = make(map[string]int)
		} else {
			m[k] = i
		}
	}
}

// A finding silenced by a directive with a reason.
func ignored(k string) {
	defer func() { _ = recover() }()
	var m map[string]int
	//maplint:ignore nilmerge this test provokes the runtime's nil map panic on purpose
	m[k] = 1
}

// Reading true or non-nil from a map proves it has entries.
func lookupTrue(keys []string) {
	var seen map[string]bool
	var byKey map[string]*int
	for _, k := range keys {
		if seen[k] {
			seen[k] = false
		}
		if byKey[k] != nil {
			byKey[k] = nil
		}
	}
}

// A comma-ok lookup that succeeded gives a non-nil inner map (trusting
// that nil inner maps are never stored).
func commaOkLocal(rows [][2]string) {
	idx := make(map[string]map[string]bool)
	for _, r := range rows {
		if inner, ok := idx[r[0]]; ok {
			inner[r[1]] = true
		}
	}
}

type mergeState struct{ leaders []string }

func (s *mergeState) isLeader(k string) bool {
	return s != nil && len(s.leaders) > 0 && s.leaders[0] == k
}

func newMergeState(keys []string) *mergeState { return &mergeState{leaders: keys} }

// Two variables set together under one flag, the state captured by a
// closure (so it lives in memory, not in a φ): the map is nil only where
// the state is still its nil zero value, which the write's check rules out.
func setTogetherCaptured(enabled bool, keys []string) {
	var st *mergeState
	var leaders map[string]int
	if enabled {
		st = newMergeState(keys)
		leaders = make(map[string]int)
	}
	less := func(i, j int) bool { return st != nil && st.isLeader(keys[i]) && i < j }
	_ = less
	for i, k := range keys {
		if st != nil && st.isLeader(k) {
			leaders[k] = i
		}
	}
}

// A flag made of || (itself a φ) guards both the make and the writes, each
// write in a loop that is the flag's branch target (an empty then-block
// is jumped over, so the loop header follows the branch directly).
func flagGuardsLoop(verbose bool, names map[string]bool, name string, items [][]int) {
	gather := verbose || names[name]
	var byItem map[int]int
	if gather {
		byItem = make(map[int]int)
	}
	for i, item := range items {
		x := 0
		for _, v := range item {
			switch v {
			case 0:
				continue
			case 1:
				x++
			default:
				x += v
			}
			if gather {
				for ; x < v; x++ {
					byItem[x] = i
				}
			}
		}
	}
}
