package iterorder_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/iterorder"
)

// TestFixEveryVersion checks the fix in the form each Go version allows:
// slices.Sorted(maps.Keys(m)) from Go 1.23 (sortedfix), a slice of the keys
// sorted with slices.Sort in Go 1.21 and 1.22 (go121, go122), and with the
// sort package before (fix120, a Go 1.20 module); and that the loops it
// cannot fix in Go 1.20 (keys not ordered, a key type the slice of keys
// cannot name) get the note that says why.
func TestFixEveryVersion(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "fixmod")
	analysistest.RunWithSuggestedFixes(t, dir, iterorder.New(), "./go121", "./go122")
	dir120 := filepath.Join(analysistest.TestData(), "fixmod120")
	checkNotes(t, analysistest.RunWithSuggestedFixes(t, dir120, iterorder.New(), "./fix120"))
	goldentest.TypeCheck(t, dir120)
}

// TestFixGo113 checks casbin v2.135.0's loops over model["p"] and
// model[sec] (frontend.go, model.go's ToText) in a Go 1.13 module, as
// casbin's go.mod declares: the map expression is an index, so the fix
// stores it in a variable before collecting its keys with sort.Strings.
func TestFixGo113(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "fixmod113")
	checkNotes(t, analysistest.RunWithSuggestedFixes(t, dir, iterorder.New(), "./casbin"))
	goldentest.TypeCheck(t, dir)
}

// checkNotes checks the fixes and notes of the findings in results: a
// finding whose loop has a "// note: <text>" comment on the line above has
// no fix and a message that ends with "; <text>" (text is "no fix:
// <reason>"); any other has a fix and no such end.
func checkNotes(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	lines := map[string][]string{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			if lines[pos.Filename] == nil {
				data, err := os.ReadFile(pos.Filename)
				if err != nil {
					t.Fatal(err)
				}
				lines[pos.Filename] = strings.Split(string(data), "\n")
			}
			want := ""
			if l := lines[pos.Filename]; pos.Line >= 2 {
				_, want, _ = strings.Cut(strings.TrimSpace(l[pos.Line-2]), "// note: ")
			}
			got := noFixNote(d)
			switch {
			case want == "" && (len(d.SuggestedFixes) == 0 || got != ""):
				t.Errorf("%s: %d fixes and note %q, want a fix and no note", pos, len(d.SuggestedFixes), got)
			case want != "" && (len(d.SuggestedFixes) > 0 || got != want):
				t.Errorf("%s: %d fixes and note %q, want no fix and the note %q", pos, len(d.SuggestedFixes), got, want)
			}
		}
	}
}
