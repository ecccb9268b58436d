// Package fix120 is compiled as Go 1.20 (its module's version), which has
// neither the slices nor the maps package: the fix sorts the collected keys
// with sort.Strings, sort.Ints or sort.Float64s for those key types and
// with sort.Slice for other ordered ones. Keys that are not ordered get no
// fix, and the finding says why.
package fix120

import (
	"fmt"
	"io"
)

func Strings(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

func Ints(w io.Writer, m map[int]bool) {
	for k := range m { // want `keys written to w`
		fmt.Fprintln(w, k)
	}
}

func Floats(m map[float64]string) {
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

type Level int8

func Levels(m map[Level]string) {
	for _, name := range m { // want `values printed by fmt.Println`
		fmt.Println(name)
	}
}
