package sorting

import (
	"fmt"
	"sort"
)

// A sort of keys[i:] orders the elements from i on; the ones before i are
// in order only when each was put there deterministically.

type Pair struct{ Name, Value string }

// sortedPairs pins one key first and sorts the others: the shape of
// prometheus/alertmanager v0.35.0, template/template.go:463-480
// (KV.SortedPairs). At most one key equals the constant, so at most one
// goes to the front, and sortStart counts it: silent.
func sortedPairs(kv map[string]string) []Pair {
	var (
		pairs     = make([]Pair, 0, len(kv))
		keys      = make([]string, 0, len(kv))
		sortStart = 0
	)
	for k := range kv {
		if k == "alertname" {
			keys = append([]string{k}, keys...)
			sortStart = 1
		} else {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[sortStart:])

	for _, k := range keys {
		pairs = append(pairs, Pair{k, kv[k]})
	}
	return pairs
}

// skipFirst sorts all but the first key, which is whichever key the map
// visited first: its order shows.
func skipFirst(kv map[string]string) []string {
	keys := make([]string, 0, len(kv))
	for k := range kv { // want `keys appended to keys, which is returned unsorted`
		keys = append(keys, k)
	}
	sort.Strings(keys[1:])
	return keys
}

// pinnedOrFirst pins the key when it is there, but sorts from 1 on
// whether or not it was: without it, keys[0] is the first key visited.
func pinnedOrFirst(kv map[string]string) []string {
	keys := make([]string, 0, len(kv))
	for k := range kv { // want `keys appended to keys, which is returned unsorted`
		if k == "alertname" {
			keys = append([]string{k}, keys...)
		} else {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[1:])
	return keys
}

// sortedAll sorts from a start that is always 0: the whole list.
func sortedAll(kv map[string]string) []string {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys[0:])
	return keys
}

// pinnedByLength pins under a test that many keys pass: the front holds
// whichever of them came last.
func pinnedByLength(kv map[string]string) []string {
	keys := make([]string, 0, len(kv))
	start := 0
	for k := range kv { // want `keys appended to keys, which is returned unsorted`
		if len(k) == 3 {
			keys = append([]string{k}, keys...)
			start = 1
		} else {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[start:])
	return keys
}

// pinnedBySwitch pins with a case of a switch on the key: silent.
func pinnedBySwitch(kv map[string]string, first string) []string {
	keys := make([]string, 0, len(kv))
	var start int
	for k := range kv {
		switch k {
		case first:
			keys = append([]string{k}, keys...)
			start = 1
		default:
			keys = append(keys, k)
		}
	}
	sort.Strings(keys[start:])
	return keys
}

type holder struct{ Items []string }

// fill keeps the list in a field of its receiver and sorts the field from
// 1 on: keys[0] is still the first key visited.
func (h *holder) fill(kv map[string]string) []string {
	keys := make([]string, 0, len(kv))
	for k := range kv { // want `keys appended to keys, which is returned unsorted`
		keys = append(keys, k)
	}
	h.Items = keys
	sort.Strings(h.Items[1:])
	return keys
}

// Print shows what each returns.
func Print(kv map[string]string) {
	fmt.Println(sortedPairs(kv), skipFirst(kv), pinnedOrFirst(kv), sortedAll(kv), pinnedByLength(kv), pinnedBySwitch(kv, "job"), new(holder).fill(kv))
}
