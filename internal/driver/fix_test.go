package driver

import (
	"bytes"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/driver/output"
)

func TestUnifiedDiff(t *testing.T) {
	var lines []string
	for i := 1; i <= 20; i++ {
		lines = append(lines, "line"+strings.Repeat("x", i%3))
	}
	old := strings.Join(lines, "\n") + "\n"
	offset := func(line int) int { // offset of the start of 1-based line
		return len(strings.Join(lines[:line-1], "\n")) + 1
	}
	edits := []output.Edit{
		{Start: offset(2), End: offset(2), New: "inserted\n"},      // insert before line 2
		{Start: offset(4), End: offset(5), New: ""},                // delete line 4
		{Start: offset(18) + 2, End: offset(18) + 4, New: "NE\nW"}, // split line 18
	}
	var b bytes.Buffer
	if err := unifiedDiff(&b, "f.go", []byte(old), edits); err != nil {
		t.Fatal(err)
	}
	want := `--- f.go (old)
+++ f.go (new)
@@ -1,7 +1,7 @@
 linex
+inserted
 linexx
 line
-linex
 linexx
 line
 linex
@@ -15,6 +15,7 @@
 line
 linex
 linexx
-line
+liNE
+W
 linex
 linexx
`
	if got := b.String(); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	// Applying the edits gives what the diff says.
	got := string(apply([]byte(old), edits))
	if !strings.Contains(got, "linex\ninserted\nlinexx\nline\nlinexx\n") || !strings.Contains(got, "liNE\nW\n") {
		t.Errorf("apply:\n%s", got)
	}
}
