// Package sortedfix exercises the fix: ranging over sorted keys, reading
// the value in the body, with the imports it needs.
package sortedfix

import (
	"fmt"
	"io"
)

func Print(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

func Values(w io.Writer, m map[int]string) {
	for _, v := range m { // want `values written to w`
		fmt.Fprintln(w, v)
	}
}

type Index struct{ byName map[string]float64 }

func (ix *Index) String() string {
	s := ""
	for _, v := range ix.byName { // want `values concatenated onto s`
		s += fmt.Sprint(v)
	}
	return s
}

func KeyShadow(m map[string]int, k int) {
	for _, v := range m { // want `values printed by fmt.Println`
		fmt.Println(v + k)
	}
}
