package output

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
)

// TestRelocate applies two fixes to a file, as -fix does, and checks that
// the findings left point at the same code in the file as written.
func TestRelocate(t *testing.T) {
	const file = "/src/a.go"
	before := "package a\n\nfunc f(m map[string]int) {\n\tm[\"a\"] = 1\n}\n\nfunc g(m map[string]int) {\n\tm[\"b\"] = 2 // remains\n}\n"
	at := func(src, text string) token.Position {
		off := strings.Index(src, text)
		line := strings.Count(src[:off], "\n") + 1
		return token.Position{Filename: file, Offset: off, Line: line, Column: off - strings.LastIndex(src[:off], "\n")}
	}
	// The applied fix inserts an import after the package clause and
	// replaces the first write; the same import edit comes twice (two
	// findings asked for it) and is applied once.
	imp := Edit{Filename: file, Start: len("package a\n"), End: len("package a\n"), New: "\nimport \"maps\"\n"}
	first := strings.Index(before, "m[\"a\"] = 1")
	repl := Edit{Filename: file, Start: first, End: first + len("m[\"a\"] = 1"), New: "if m == nil {\n\t\tm = map[string]int{}\n\t}\n\tm[\"a\"] = 1"}
	after := before[:imp.Start] + imp.New + before[imp.End:repl.Start] + repl.New + before[repl.End:]

	readFile := func(name string) ([]byte, error) {
		if name != file {
			return nil, fmt.Errorf("unexpected read of %s", name)
		}
		return []byte(after), nil
	}
	remaining := []Finding{{
		Pass: "nilmerge", Posn: at(before, "m[\"b\"]"), End: at(before, " // remains"),
		Related: []Related{{Posn: at(before, "g(m"), Message: "m is a parameter"}},
		Fixes: []Fix{
			{Message: "Keeps", Edits: []Edit{{Filename: file, Start: at(before, "// remains").Offset, End: at(before, "// remains").Offset + len("// remains"), New: "// fixed"}}},
			{Message: "Overlaps an applied edit", Edits: []Edit{{Filename: file, Start: first, End: first + 1, New: "x"}}},
		},
	}, {
		Pass: "iterorder", Posn: token.Position{Filename: "/src/other.go", Offset: 10, Line: 2, Column: 3}, Message: "in a file without edits",
	}}
	got := Relocate(remaining, []Edit{imp, repl, imp}, readFile)

	f := got[0]
	if want := at(after, "m[\"b\"]"); f.Posn != want {
		t.Errorf("position %v, want %v", f.Posn, want)
	}
	if want := at(after, " // remains"); f.End != want {
		t.Errorf("end %v, want %v", f.End, want)
	}
	if want := at(after, "g(m"); f.Related[0].Posn != want {
		t.Errorf("related %v, want %v", f.Related[0].Posn, want)
	}
	if len(f.Fixes) != 1 || f.Fixes[0].Message != "Keeps" {
		t.Fatalf("fixes %+v, want only the one that does not overlap", f.Fixes)
	}
	if e := f.Fixes[0].Edits[0]; after[e.Start:e.End] != "// remains" {
		t.Errorf("moved fix edits %q, want the comment", after[e.Start:e.End])
	}
	if got[1].Posn != remaining[1].Posn {
		t.Errorf("a position in a file without edits moved: %v", got[1].Posn)
	}
	if remaining[0].Posn.Line != 8 {
		t.Errorf("Relocate modified its argument")
	}

	// An insertion at a finding's offset puts the finding after it; a
	// position inside a replaced range goes to the start of the replacement.
	r := relocator{edits: map[string][]Edit{file: {{Start: 5, End: 5, New: "abc"}, {Start: 10, End: 14, New: "z"}}}}
	for _, tc := range []struct{ in, want int }{{4, 4}, {5, 8}, {9, 12}, {10, 13}, {12, 13}, {14, 14}, {20, 20}} {
		if got := r.offset(file, tc.in); got != tc.want {
			t.Errorf("offset(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
