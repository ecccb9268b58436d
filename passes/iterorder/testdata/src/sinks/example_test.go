// This file checks test files: only Example functions, whose output is
// compared, are analysed; tests that pick any element or print per entry
// are not.
package sinks

import (
	"fmt"
	"testing"
)

func ExamplePrint() {
	m := map[string]int{"a": 1, "b": 2}
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func TestPick(t *testing.T) {
	m := map[string]int{"a": 1}
	var any string
	for k := range m {
		any = k
		break
	}
	for k := range m {
		fmt.Println(k)
	}
	t.Log(any)
}
