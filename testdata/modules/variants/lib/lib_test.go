// An in-package test, so that the go command lists the variant lib [lib.test]
// and every finding of lib is found in it again.
package lib

import "testing"

func TestMerge(t *testing.T) {
	if got := Merge("a", nil); got["name"] != "a" {
		t.Fatal(got)
	}
}
