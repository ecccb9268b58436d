package iterorder_test

import (
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
// sort package before (fix120, a Go 1.20 module); and that keys that are
// not ordered get a note instead of a fix.
func TestFixEveryVersion(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "fixmod")
	analysistest.RunWithSuggestedFixes(t, dir, iterorder.New(), "./go121", "./go122")
	dir120 := filepath.Join(analysistest.TestData(), "fixmod120")
	notes := 0
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir120, iterorder.New(), "./fix120") {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				if strings.HasPrefix(rel.Message, "no fix:") {
					notes++
					if want := "no fix: keys of type point are not ordered; sort them with sort.Slice and a comparison that suits them"; rel.Message != want || len(d.SuggestedFixes) > 0 {
						t.Errorf("%s: note %q (fixes: %d), want %q and no fix", r.Pass.Fset.Position(d.Pos), rel.Message, len(d.SuggestedFixes), want)
					}
				}
			}
		}
	}
	if notes != 1 {
		t.Errorf("got %d notes, want 1 (Points)", notes)
	}
	goldentest.TypeCheck(t, dir120)
}
