// This file uses package maps only in maps.Copy calls, each of which the
// PutAll fix would replace: replacing one would leave the import unused if
// the other were replaced too, so both get the nil guard instead.
package putall

import (
	"maps"

	"github.com/maplint/maplint/safemap"
)

var _ = safemap.PutAll[map[string]int]

func copyTwice(a, b map[string]int) {
	var x, y map[string]int
	maps.Copy(x, a) // want `write to map x, which is nil here: declared without make at copyonly.go:15`
	maps.Copy(y, b) // want `write to map y, which is nil here: declared without make at copyonly.go:15`
	sink(x)
	sink(y)
}
