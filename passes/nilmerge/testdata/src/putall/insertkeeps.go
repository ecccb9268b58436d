// This file's only other use of package maps is maps.Insert, which the
// PutAll fix never replaces (it fills from a sequence, not a map): the
// import stays used, so maps.Copy into a nil map is fixed with PutAll.
package putall

import (
	"iter"
	"maps"

	"github.com/maplint/maplint/safemap"
)

var _ = safemap.PutAll[map[string]int]

func copyBesideInsert(src map[string]int, seq iter.Seq2[string, int]) {
	var out map[string]int
	maps.Copy(out, src) // want `write to map out, which is nil here: declared without make at insertkeeps.go:16`
	fresh := map[string]int{}
	maps.Insert(fresh, seq)
	sink(out)
	sink(fresh)
}
