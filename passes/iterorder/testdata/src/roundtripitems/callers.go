package roundtripitems

import "fmt"

// What the callers of an unexported function do with the list it returns
// decides. Here a caller prints it; a caller in a test shows a result to
// no one (callers_test.go, the meta snapshot).

func shown(names map[string]int) []string {
	var out []string
	for k := range names { // want `result depends on map iteration order: keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

func Print(names map[string]int) { fmt.Println(shown(names)) }
