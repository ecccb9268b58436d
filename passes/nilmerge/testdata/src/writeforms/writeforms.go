// Package writeforms exercises every form of map write into a map declared
// without make: index assignment, op-assignment, increment, decrement,
// maps.Copy and maps.Insert, and the range-and-assign merge.
package writeforms

import (
	"encoding/json"
	"maps"
)

func assign(k string) {
	var m map[string]int
	m[k] = 1 // want `write to map m, which is nil here: declared without make at writeforms.go:12`
	sink(m)
}

func opAssign(k string) {
	var m map[string]int
	m[k] += 2 // want `write to map m, which is nil here: declared without make at writeforms.go:18`
	sink(m)
}

func increment(k string) {
	var m map[string]int
	m[k]++ // want `write to map m, which is nil here: declared without make`
	sink(m)
}

func decrement(k string) {
	var m map[string]int
	m[k]-- // want `write to map m, which is nil here: declared without make`
	sink(m)
}

func merge(src map[string]int) {
	var out map[string]int
	for k, v := range src {
		out[k] = v // want `write to map out, which is nil here: declared without make at writeforms.go:36`
	}
	sink(out)
}

func copyInto(src map[string]int) {
	var out map[string]int
	maps.Copy(out, src) // want `write to map out, which is nil here: declared without make`
	sink(out)
}

func insertInto(src map[string]int) {
	var out map[string]int
	maps.Insert(out, maps.All(src)) // want `write to map out, which is nil here: declared without make`
	sink(out)
}

// The twin of copyInto: maps.DeleteFunc on a nil map deletes nothing and
// does not panic (the API table has no MapFill row for it).
func deleteFrom() {
	var out map[string]int
	maps.DeleteFunc(out, func(string, int) bool { return true })
	sink(out)
}

// A write that is one of two targets, as grpc's balancer/rls/config.go
// writes the map json.Unmarshal leaves nil for null input: the make goes
// before the statement, as for a single target.
func twoTargets(raw []byte, k string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	m[k], _ = json.Marshal(1) // want `write to map m, which is nil here: decoded by json.Unmarshal, which leaves it nil for null or empty input at writeforms.go:68`
	return m, nil
}

// Merges from a call: the fix does not call src again for len(src), and
// makes the map in the loop, or before maps.Copy, while it is nil.
func mergeCall(src func() map[string]int) {
	var out map[string]int
	for k, v := range src() {
		out[k] = v // want `write to map out, which is nil here: declared without make at writeforms.go:78`
	}
	sink(out)
}

func copyCall(src func() map[string]int) {
	var out map[string]int
	maps.Copy(out, src()) // want `write to map out, which is nil here: declared without make at writeforms.go:86`
	sink(out)
}

func sink(map[string]int) {}
