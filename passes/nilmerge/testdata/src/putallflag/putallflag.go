// Package putallflag imports the helper named by -putall, so merges call it.
package putallflag

import th "example.com/teamhelpers"

var _ = th.Merge[map[string]int]

func merge(src map[string]int) map[string]int { // want merge:"returnsNil\\(0@putallflag\\.go:13\\)"
	var out map[string]int
	for k, v := range src {
		out[k] = v // want `write to map out, which is nil here: declared without make at putallflag.go:9`
	}
	return out
}
