// Package writeforms exercises every form of map write into a map declared
// without make: index assignment, op-assignment, increment, decrement,
// maps.Copy and maps.Insert, and the range-and-assign merge.
package writeforms

import "maps"

func assign(k string) {
	var m map[string]int
	m[k] = 1 // want `write to map m, which is nil here: declared without make at writeforms.go:9`
	sink(m)
}

func opAssign(k string) {
	var m map[string]int
	m[k] += 2 // want `write to map m, which is nil here: declared without make at writeforms.go:15`
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
		out[k] = v // want `write to map out, which is nil here: declared without make at writeforms.go:33`
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

func sink(map[string]int) {}
