// This file checks test files: only the Example functions go test runs
// (those with an output comment), whose output it compares, are
// analysed; tests that pick any element or print per entry are not.
package sinks

import (
	"fmt"
	"strings"
	"testing"
)

func ExamplePrint() {
	m := map[string]int{"a": 1, "b": 2}
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
	// Output:
	// a
	// b
}

// An example with no output comment is compiled by go test but never run
// (kingpin's ExampleValue prints a parsed http.Header in map order):
// what it prints reaches no one.
func ExampleNotRun() {
	m := map[string][]string{"Content-Type": {"application/octet-stream"}}
	for key, value := range m {
		fmt.Printf("%s = %s\n", key, value)
	}
}

// go test sorts the lines of an unordered output before comparing: a
// line per entry shows no order.
func ExampleUnorderedLines() {
	m := map[string]int{"a": 1, "b": 2}
	for k, v := range m {
		fmt.Println(k, v)
	}
	// Unordered output:
	// a 1
	// b 2
}

// The order within a line is still compared: a list built in map order
// and printed as one line makes the example flaky.
func ExampleUnorderedJoined() {
	m := map[string]int{"a": 1, "b": 2}
	var keys []string
	for k := range m { // want `keys appended to keys`
		keys = append(keys, k)
	}
	fmt.Println(strings.Join(keys, ","))
	// Unordered output:
	// a,b
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
