package output

import (
	"bytes"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// pos returns a position in file at line:col; the offset assumes lines of
// 100 bytes, which is all the tests need of it.
func pos(file string, line, col int) token.Position {
	return token.Position{Filename: file, Line: line, Column: col, Offset: (line-1)*100 + col - 1}
}

// sample returns findings as a driver reports them for a package p and its
// test variant: the finding in p/a.go twice, once without its related place.
// (TestDedupNoFixReason covers copies that differ in their fixes.)
func sample() []Finding {
	withFix := Finding{
		Pass: "nilmerge", Category: "nilwrite", Package: "example.com/p",
		Posn: pos("/src/p/a.go", 10, 3), End: pos("/src/p/a.go", 10, 9),
		Message: "write to map out, which is nil when ok is false",
		Related: []Related{{Posn: pos("/src/p/a.go", 4, 2), Message: "out is declared here"}},
		Fixes: []Fix{{Message: "Initialize out before merging", Edits: []Edit{
			{Filename: "/src/p/a.go", Start: 700, End: 700, New: "out = make(map[string]int)\n"},
		}}},
	}
	variant := withFix
	variant.Related = nil
	variant.Package = "example.com/p [example.com/p.test]"
	return []Finding{
		{
			Pass: "iterorder", Package: "example.com/p",
			Posn: pos("/src/p/b.go", 3, 1), End: pos("/src/p/b.go", 5, 2),
			Message: "result depends on map iteration order: keys appended to ks, which is returned unsorted",
		},
		variant,
		{
			Pass: "concurrentwrite", Package: "example.com/p",
			Posn: pos("/src/p/a.go", 10, 3), End: pos("/src/p/a.go", 10, 9),
			Message: "concurrent write to map out without mu (held: none)",
		},
		withFix,
		{
			Pass: "nilmerge", Package: "example.com/p_test",
			Posn: pos("/src/p/a_test.go", 7, 2), End: pos("/src/p/a_test.go", 7, 8),
			Message: "write to map m, which is nil",
		},
	}
}

func TestDedup(t *testing.T) {
	fs := sample()
	got := Dedup(fs)
	if len(got) != 4 {
		t.Fatalf("Dedup kept %d findings, want 4:\n%v", len(got), got)
	}
	var order []string
	for _, f := range got {
		order = append(order, f.Posn.String()+" "+f.Pass)
	}
	want := []string{
		"/src/p/a.go:10:3 concurrentwrite",
		"/src/p/a.go:10:3 nilmerge",
		"/src/p/a_test.go:7:2 nilmerge",
		"/src/p/b.go:3:1 iterorder",
	}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order:\n%q\nwant\n%q", order, want)
	}
	if f := got[1]; len(f.Related) != 1 || len(f.Fixes) != 1 || f.Package != "example.com/p" {
		t.Errorf("kept the duplicate without the related place or with the variant's ID: %+v", f)
	}
	if fs[1].Package != "example.com/p [example.com/p.test]" {
		t.Errorf("Dedup modified its argument")
	}
	// The result does not depend on the order of the input.
	for range 20 {
		shuffled := append([]Finding(nil), fs...)
		rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := Dedup(shuffled); !reflect.DeepEqual(again, got) {
			t.Fatalf("Dedup depends on input order:\n%v\n%v", again, got)
		}
	}
	if got := Dedup(nil); len(got) != 0 {
		t.Errorf("Dedup(nil) = %v", got)
	}
}

// TestDedupNoFixReason checks that a finding whose test variant gives a
// reason for no fix (a test calls the function: a caller that may hold the
// lock) is the duplicate of the package's, which offers the fix, and that
// Dedup keeps the variant's: the fix would deadlock that test.
func TestDedupNoFixReason(t *testing.T) {
	withFix := Finding{
		Pass: "concurrentwrite", Category: "unguarded", Package: "example.com/p",
		Posn: pos("/src/p/a.go", 10, 3), End: pos("/src/p/a.go", 10, 9),
		Message: "concurrent write to map s.m without s.mu (held: none); also accessed by (*S).Get",
		Fixes:   []Fix{{Message: "Lock s.mu around the write", Edits: []Edit{{Filename: "/src/p/a.go", Start: 900, End: 900, New: "s.mu.Lock()\n"}}}},
	}
	variant := withFix
	variant.Package = "example.com/p [example.com/p.test]"
	variant.Fixes = nil
	variant.Message += "; no fix: (*S).put is called in the package, where a caller may already hold s.mu"
	other := variant
	other.Message = withFix.Message + "; no fix: the statement calls s.f, which may take s.mu"
	for _, fs := range [][]Finding{{variant, withFix}, {withFix, variant}, {other, variant}, {variant, other}} {
		got := Dedup(fs)
		if len(got) != 1 {
			t.Fatalf("Dedup kept %d findings, want 1: %v", len(got), got)
		}
		if len(got[0].Fixes) != 0 || !strings.Contains(got[0].Message, "; no fix: ") {
			t.Errorf("kept the duplicate with the fix that a variant refuses: %+v", got[0])
		}
	}
	if got := Dedup([]Finding{other, variant}); got[0].Message != Dedup([]Finding{variant, other})[0].Message {
		t.Errorf("Dedup depends on input order")
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := `/src/p/a.go:10:3: concurrent write to map out without mu (held: none) (concurrentwrite)
/src/p/a.go:10:3: write to map out, which is nil when ok is false (nilmerge)
	out is declared here (/src/p/a.go:4:2)
/src/p/a_test.go:7:2: write to map m, which is nil (nilmerge)
/src/p/b.go:3:1: result depends on map iteration order: keys appended to ks, which is returned unsorted (iterorder)
`
	if got := buf.String(); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
	// What a user counts findings with: grep -c ':[0-9]*:[0-9]*: '.
	counter := regexp.MustCompile(`:[0-9]*:[0-9]*: `)
	n := 0
	for line := range strings.Lines(buf.String()) {
		if counter.MatchString(line) {
			n++
		}
	}
	if n != 4 {
		t.Errorf("a line counter counts %d findings, want 4", n)
	}
}

func TestTextContext(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	src := "package p\n\nfunc F(src map[string]int) {\n\tvar out map[string]int\n\tfor k, v := range src {\n\t\tout[k] = v\n\t}\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f := Finding{
		Pass: "nilmerge", Posn: pos(file, 6, 3), End: pos(file, 6, 13),
		Message: "write to map out, which is nil",
		Related: []Related{{Posn: pos(file, 4, 6), Message: "out is declared here"}},
	}
	head := file + ":6:3: write to map out, which is nil (nilmerge)\n\tout is declared here (" + file + ":4:6)\n"
	for _, tc := range []struct {
		context int
		want    string
	}{
		{-1, head},
		{0, head + "6\t\t\tout[k] = v\n"},
		{1, head + "5\t\tfor k, v := range src {\n6\t\t\tout[k] = v\n7\t\t}\n"},
		{9, head + "1\tpackage p\n2\t\n3\tfunc F(src map[string]int) {\n4\t\tvar out map[string]int\n5\t\tfor k, v := range src {\n6\t\t\tout[k] = v\n7\t\t}\n8\t}\n9\t\n"},
	} {
		var buf bytes.Buffer
		if err := TextContext(&buf, []Finding{f}, tc.context); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("TextContext(-c=%d):\n%s\nwant:\n%s", tc.context, got, tc.want)
		}
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		applied, remaining int
		want               string
	}{
		{0, 0, "maplint: applied 0 fixes; no findings remain\n"},
		{1, 0, "maplint: applied 1 fix; no findings remain\n"},
		{3, 1, "maplint: applied 3 fixes; 1 finding remains\n"},
		{0, 8, "maplint: applied 0 fixes; 8 findings remain\n"},
	} {
		var buf bytes.Buffer
		Summary(&buf, tc.applied, tc.remaining)
		if buf.String() != tc.want {
			t.Errorf("Summary(%d, %d) = %q, want %q", tc.applied, tc.remaining, buf.String(), tc.want)
		}
		if regexp.MustCompile(`:[0-9]*:[0-9]*: `).MatchString(buf.String()) {
			t.Errorf("Summary line looks like a finding: %q", buf.String())
		}
	}
}
