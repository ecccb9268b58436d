package sinks

import (
	"bytes"
	"strings"
)

// Longest picks the decompressor whose extension is the longest suffix of
// the path, in go-getter's shape (client.go, Client.Get). Two keys of one
// length that are both suffixes of the path are the same key, and keys
// are distinct: no two entries tie, so the order does not matter.
func Longest(decompressors map[string]int, path string) string {
	archive := ""
	matchingLen := 0
	for k := range decompressors {
		if strings.HasSuffix(path, "."+k) && len(k) > matchingLen {
			archive = k
			matchingLen = len(k)
		}
	}
	return archive
}

// LongestPrefix is a longest-prefix route, the test negated: silent too.
func LongestPrefix(routes map[string]func(), path []byte) func() {
	var h func()
	n := 0
	for pattern, fn := range routes {
		if !bytes.HasPrefix(path, []byte(pattern)) {
			continue
		}
		if len(pattern) > n {
			n, h = len(pattern), fn
		}
	}
	return h
}

type ext struct{ suffix string }

// LongestByValue matches on a value's field: two entries may hold the same
// suffix, and the first visited wins among them.
func LongestByValue(decompressors map[string]ext, path string) string {
	archive := ""
	matchingLen := 0
	for name, d := range decompressors { // want `keys picked as the greatest into archive, ties going to the first visited`
		if strings.HasSuffix(path, d.suffix) && len(d.suffix) > matchingLen {
			archive = name
			matchingLen = len(d.suffix)
		}
	}
	return archive
}

// LongestContained matches anywhere in the path: two keys of one length
// can both occur in it, and the first visited wins.
func LongestContained(words map[string]int, text string) string {
	best := ""
	n := 0
	for w := range words { // want `keys picked as the greatest into best, ties going to the first visited`
		if strings.Contains(text, w) && len(w) > n {
			best, n = w, len(w)
		}
	}
	return best
}
