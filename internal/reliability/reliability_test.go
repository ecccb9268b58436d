package reliability_test

import (
	"testing"

	"github.com/maplint/maplint/internal/reliability"
)

func TestParseJSON(t *testing.T) {
	data := []byte(`{"p": {"nilmerge": [{"posn": "p.go:1:1", "message": "m", "suggested_fixes": [{"message": "Fix", "edits": [{"filename": "p.go", "start": 0, "end": 1, "new": "x"}]}]}]}}
{"q [q.test]": {"iterorder": {"error": "boom"}}}`)
	out, err := reliability.ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) != 1 || out.Diagnostics[0].Analyzer != "nilmerge" || len(out.Diagnostics[0].Fixes[0].Edits) != 1 {
		t.Errorf("diagnostics: %+v", out.Diagnostics)
	}
	if len(out.Errors) != 1 || out.Errors[0].Err != "boom" || reliability.BuildPackage(out.Errors[0].Package) != "q" {
		t.Errorf("errors: %+v", out.Errors)
	}
}

func TestCrashed(t *testing.T) {
	for stderr, want := range map[string]bool{
		"p.go:1:1: undefined: x\n": false,
		"panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n": true,
		"fatal error: concurrent map writes\n":                                              true,
	} {
		if _, got := reliability.Crashed([]byte(stderr)); got != want {
			t.Errorf("Crashed(%q) = %v", stderr, got)
		}
	}
}

// Fixes that add the same import apply it once; a fix overlapping an
// earlier one is skipped; insertions at one offset keep their order.
func TestApply(t *testing.T) {
	src := "package p\n\nfunc f() {}\n"
	imp := func(path string) reliability.Edit {
		return reliability.Edit{Filename: "p.go", Start: 11, End: 11, New: "import \"" + path + "\"\n"}
	}
	fix := func(edits ...reliability.Edit) reliability.AppliedFix {
		return reliability.AppliedFix{Diag: &reliability.Diagnostic{}, Fix: &reliability.Fix{Edits: edits}}
	}
	body := reliability.Edit{Filename: "p.go", Start: 20, End: 22, New: "{ return }"}
	fixes := []reliability.AppliedFix{
		fix(imp("maps"), imp("slices"), body),
		fix(imp("maps"), imp("slices")),
		fix(reliability.Edit{Filename: "p.go", Start: 21, End: 22, New: "x"}),
	}
	files, skipped, err := reliability.Apply(fixes, func(string) ([]byte, error) { return []byte(src), nil })
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport \"maps\"\nimport \"slices\"\nfunc f() { return }\n"
	if got := string(files["p.go"]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(skipped) != 1 || skipped[0].Fix != fixes[2].Fix {
		t.Errorf("skipped %d fixes, want the third", len(skipped))
	}
}
