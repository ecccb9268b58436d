// Package putall imports safemap, so merges are fixed with safemap.PutAll
// rather than a nil guard.
package putall

import (
	"maps"

	"github.com/maplint/maplint/safemap"
)

var _ = safemap.PutAll[map[string]int]

func merge(src map[string]int) map[string]int { // want merge:"returnsNil\\(0@putall\\.go:19\\)"
	var out map[string]int
	for k, v := range src {
		// copy every label
		out[k] = v // want `write to map out, which is nil here: declared without make at putall.go:14`
	}
	return out
}

func copyInto(src map[string]int) map[string]int { // want copyInto:"returnsNil\\(0@putall.go:25\\)"
	var out map[string]int
	maps.Copy(out, src) // want `write to map out, which is nil here: declared without make at putall.go:23`
	return out
}

func copyKeepsImport(src map[string]int) {
	var out map[string]int
	maps.Copy(out, src) // want `write to map out, which is nil here: declared without make at putall.go:29`
	sink(maps.Clone(out))
}

func sink(map[string]int) {}
