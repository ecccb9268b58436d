//go:build go1.22 && linux

// Package buildtag checks a file with a build constraint: it is analysed
// (it builds on the test platform), and its go1.22 version lets the fix use
// maps.Copy.
package buildtag

func merge(src map[string]int) map[string]int { // want merge:"returnsNil\\(0@buildtag\\.go:13\\)"
	var out map[string]int
	for k, v := range src {
		out[k] = v // want `write to map out, which is nil here: declared without make at buildtag.go:9`
	}
	return out
}
