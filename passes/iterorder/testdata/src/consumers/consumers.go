// Package consumers checks results whose consumer does not depend on their
// order, with the cases next to them that must still be reported.
package consumers

import (
	"crypto/rand"
	"fmt"
	mrand "math/rand"
	"net/http"
	"sort"
	"sync"

	"consumers/testrand"
)

// Matrix is sorted by the package before it is used (see Result).
type Matrix []Series

type Series struct {
	Name   string
	Points []float64
}

func (m Matrix) Len() int           { return len(m) }
func (m Matrix) Less(i, j int) bool { return m[i].Name < m[j].Name }
func (m Matrix) Swap(i, j int)      { m[i], m[j] = m[j], m[i] }

// Eval returns series in map order; every result is sorted by Result.
func Eval(series map[string][]float64) Matrix {
	var mat Matrix
	for name, pts := range series {
		mat = append(mat, Series{name, pts})
	}
	return mat
}

func Result(series map[string][]float64) Matrix {
	mat := Eval(series)
	sort.Sort(mat)
	return mat
}

// Unsorted implements sort.Interface but nothing in the package sorts it:
// the map order it is returned in passes to its callers (OrderedResultFact).
type Unsorted []string

func (u Unsorted) Len() int           { return len(u) }
func (u Unsorted) Less(i, j int) bool { return u[i] < u[j] }
func (u Unsorted) Swap(i, j int)      { u[i], u[j] = u[j], u[i] }

func Names(m map[string]bool) Unsorted { // want Names:`orderedresult\(0\)`
	var out Unsorted
	for k := range m {
		out = append(out, k)
	}
	return out
}

// ValidationError is an error: a list of them is like a []error.
type ValidationError struct{ Field string }

func (e ValidationError) Error() string { return "invalid " + e.Field }

func Validate(fields map[string]string) []ValidationError {
	var errs []ValidationError
	for name, v := range fields {
		if v == "" {
			errs = append(errs, ValidationError{name})
		}
	}
	return errs
}

// Sample is random by design: map order adds nothing.
func Sample(m map[string]int, n int) []string {
	var out []string
	for k := range m {
		if mrand.Intn(2) == 0 {
			out = append(out, k)
		}
	}
	return out[:min(n, len(out))]
}

// Padded mixes in random bytes.
func Padded(m map[string]bool) [][]byte { // want Padded:`random`
	var out [][]byte
	for k := range m {
		pad := make([]byte, 8)
		rand.Read(pad)
		out = append(out, append([]byte(k), pad...))
	}
	return out
}

// Padding mixes in random keys drawn by a helper of another package
// (go-ethereum's prooftestgen): random by design.
func Padding(m map[string]int) [][]string { // want Padding:`random`
	var out [][]string
	for k := range m {
		h := testrand.NewHash()
		out = append(out, []string{k, string(h[:])})
	}
	return out
}

// Jittered calls a helper that draws a random number but returns its
// argument: the list is in map order.
func Jittered(m map[string]int) []int { // want Jittered:`orderedresult\(0\)`
	var out []int
	for _, v := range m {
		out = append(out, testrand.Jittered(v))
	}
	return out
}

// Headers writes header fields. Their order has no meaning in HTTP, but the
// bytes differ from run to run (http.Header.Write sorts the keys for that
// reason): reported.
func Headers(w *bufioWriter, h http.Header) {
	for k, vv := range h { // want `keys written to w`
		for _, v := range vv {
			fmt.Fprintf(w, "%s: %s\r\n", k, v)
		}
	}
}

type bufioWriter struct{ buf []byte }

func (w *bufioWriter) Write(p []byte) (int, error) { w.buf = append(w.buf, p...); return len(p), nil }

// Params is a plain map of strings: reported.
func Params(w *bufioWriter, params map[string]string) {
	for k, v := range params { // want `keys written to w`
		fmt.Fprintf(w, "%s=%s\n", k, v)
	}
}

// Store is a map-backed store with secondary indexes.
type Store struct {
	mu    sync.RWMutex
	items map[string]any
	index map[string]map[string]map[string]bool
}

func (s *Store) keysOf(index, value string) (map[string]bool, error) {
	idx, ok := s.index[index]
	if !ok {
		return nil, fmt.Errorf("no index %q", index)
	}
	return idx[value], nil
}

// ByIndex lists the items of an index entry, a set: like a store's List,
// a listing of its own collection.
func (s *Store) ByIndex(index, value string) ([]any, error) { // want ByIndex:`orderedresult\(0\)`
	s.mu.RLock()
	defer s.mu.RUnlock()
	set, err := s.keysOf(index, value)
	if err != nil {
		return nil, err
	}
	list := make([]any, 0, len(set))
	for key := range set {
		list = append(list, s.items[key])
	}
	return list, nil
}

// References returns the locations of the paths in a config, for the caller
// to rewrite in place: a list of locations, not of values.
func References(files map[string]*Config) []*string {
	var refs []*string
	for _, f := range files {
		refs = append(refs, &f.Path, &f.KeyPath)
	}
	return refs
}

type Config struct{ Path, KeyPath string }

// Paths returns the values: their map order passes to its callers
// (OrderedResultFact).
func Paths(files map[string]*Config) []string { // want Paths:`orderedresult\(0\)`
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

// Dump prints the table.
// For debugging.
//
// Its doc's wording does not silence it: the output is in map order all
// the same (use //maplint:ignore iterorder with the reason).
func Dump(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

// debugPrint prints the table; debugging support.
func debugPrint(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

// debugWrite is named debug but writes the output of a user-facing
// command: reported.
func debugWrite(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println("collecting:", k)
	}
}

// PrintTable prints the table for users: reported.
func PrintTable(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
	debugPrint(m)
	debugWrite(m)
}

func lookup(hashes []string) []int {
	out := make([]int, len(hashes))
	for i, h := range hashes {
		out[i] = len(h)
	}
	return out
}

// Sizes looks up the misses in map order and puts each result back where
// the caller asked for it: the order of the lookup does not show.
func Sizes(hashes []string, cache map[string]int) []int {
	sizes := make([]int, len(hashes))
	indices := make(map[string][]int)
	for i, h := range hashes {
		indices[h] = append(indices[h], i)
	}
	var misses []string
	for h, idxs := range indices {
		if n, ok := cache[h]; ok {
			for _, i := range idxs {
				sizes[i] = n
			}
			continue
		}
		misses = append(misses, h)
	}
	res := lookup(misses)
	for j, h := range misses {
		for _, i := range indices[h] {
			sizes[i] = res[j]
		}
	}
	return sizes
}

// Slots puts each entry at the slot it names.
func Slots(m map[string]int, n int) []string {
	out := make([]string, n)
	for name, slot := range m {
		out[slot] = name
	}
	return out
}

// Copied keeps the lookup's order, which passes to its callers
// (OrderedResultFact).
func Copied(m map[string]bool) []int { // want Copied:`orderedresult\(0\)`
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	res := lookup(keys)
	out := make([]int, len(keys))
	for j := range keys {
		out[j] = res[j]
	}
	return out
}

// Compacted keeps the lookup's order through a counter, and it passes to
// its callers (OrderedResultFact).
func Compacted(m map[string]bool) []int { // want Compacted:`orderedresult\(0\)`
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	res := lookup(keys)
	out := make([]int, len(keys))
	n := 0
	for j := range keys {
		if res[j] > 0 {
			out[n] = res[j]
			n++
		}
	}
	return out[:n]
}
