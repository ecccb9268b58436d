package analysisdoc

import "testing"

func TestExtract(t *testing.T) {
	const src = `// Package p is a test.
//
// # Analyzer halting
//
// halting: reports whether execution will halt
//
// The halting analyzer reports functions that run forever.
//
// # Analyzer other
//
// other: does something else
package p
`
	got, err := Extract(src, "halting")
	if err != nil {
		t.Fatal(err)
	}
	if want := "reports whether execution will halt\n\nThe halting analyzer reports functions that run forever."; got != want {
		t.Errorf("Extract(halting) = %q, want %q", got, want)
	}
	if got, err := Extract(src, "other"); err != nil || got != "does something else" {
		t.Errorf("Extract(other) = %q, %v", got, err)
	}
	for _, bad := range []struct{ src, name string }{
		{"", "halting"},
		{"package p", "halting"},
		{src, "missing"},
		{"// # Analyzer x\n//\n// y: wrong name\npackage p\n", "x"},
	} {
		if _, err := Extract(bad.src, bad.name); err == nil {
			t.Errorf("Extract(%q, %q) succeeded, want error", bad.src, bad.name)
		}
	}
}
