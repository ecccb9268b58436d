package iterorder_test

import (
	"io/fs"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/internal/report"
	"github.com/maplint/maplint/passes/iterorder"
)

// TestEveryFindingHasFixOrReason runs the pass, by default and with
// -strict, over all of its testdata and checks that every finding offers
// a fix or ends its message with "; no fix: <reason>", never both
// (goldentest.FixOrReason).
func TestEveryFindingHasFixOrReason(t *testing.T) {
	td := analysistest.TestData()
	runs := []struct {
		dir      string
		patterns []string
	}{
		{td, gopathPackages(t, filepath.Join(td, "src"))},
		{filepath.Join(td, "fixmod"), []string{"./..."}},
		{filepath.Join(td, "fixmod120"), []string{"./..."}},
		{filepath.Join(td, "fixmod113"), []string{"./..."}},
	}
	seen := map[string]bool{}
	for _, a := range []*analysis.Analyzer{iterorder.New(), strict(t)} {
		for _, run := range runs {
			results := analysistest.Run(ignoreWants{}, run.dir, a, run.patterns...)
			goldentest.FixOrReason(t, results)
			for _, r := range results {
				for _, d := range r.Diagnostics {
					seen[noFixNote(d)] = true
				}
			}
		}
	}
	// The reasons the module testdata does not pin (checkNotes): the
	// packages of the GOPATH tree have no Go version, and a finding at a
	// call of another package's function has no fix there.
	for _, want := range []string{
		"no fix: the Go version of the file is not known",
		"no fix: emitter.Names returns the list in map order; sort it in package emitter, for all its callers",
		"no fix: reportlib.Build returns the list in map order; sort it in package reportlib, for all its callers",
	} {
		if !seen[want] {
			t.Errorf("no finding ends with %q", want)
		}
	}
}

// noFixNote returns the end of d's message that says why it has no fix,
// "no fix: <reason>", or "".
func noFixNote(d analysis.Diagnostic) string {
	if _, why, ok := report.CutNoFix(d.Message); ok {
		return "no fix: " + why
	}
	return ""
}

// gopathPackages returns the import paths of the packages under src.
func gopathPackages(t *testing.T, src string) []string {
	var paths []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if m, _ := filepath.Glob(filepath.Join(path, "*.go")); len(m) > 0 {
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}
