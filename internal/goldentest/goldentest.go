// Package goldentest checks that the code a pass's suggested fixes leave
// behind compiles. analysistest.RunWithSuggestedFixes compares the fixed text
// with a .golden file; TypeCheck then type-checks the packages with those
// golden files in place, so that a fix that reads well but does not compile
// fails the pass's tests. FixOrReason checks that every finding offers a
// fix or says why none is safe.
package goldentest

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/report"
)

// TypeCheck type-checks every package under dir that has a golden file, with
// each file X.go replaced by X.go.golden. dir is either a module (it has a
// go.mod) or an analysistest GOPATH tree (its packages are under dir/src).
func TypeCheck(t *testing.T, dir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	root, env := dir, []string{"GOWORK=off", "GOFLAGS=-mod=mod"}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		root, env = filepath.Join(dir, "src"), []string{"GO111MODULE=off", "GOPATH=" + dir, "GOFLAGS="}
	}
	overlay := make(map[string][]byte)
	var patterns []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go.golden") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		overlay[strings.TrimSuffix(path, ".golden")] = data
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		if p := "./" + filepath.ToSlash(rel); !slices.Contains(patterns, p) {
			patterns = append(patterns, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(patterns) == 0 {
		t.Fatalf("no .go.golden files under %s", root)
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     root,
		Env:     append(os.Environ(), env...),
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: the fixed code does not type-check: %v", p.PkgPath, e)
		}
		for _, f := range p.GoFiles {
			if _, ok := overlay[f]; ok {
				checked++
			}
		}
	}
	// Every golden file must have been part of a checked package; one that
	// was not (say, excluded by a build tag) would pass unchecked.
	if checked != len(overlay) {
		t.Errorf("type-checked %d of %d golden files under %s", checked, len(overlay), root)
	}
}

// Quiet is an analysistest.Testing that compares nothing: a test that runs
// a pass over scenarios under options their wants were not written for
// reads the findings from the results instead.
type Quiet struct{}

// Errorf discards the error.
func (Quiet) Errorf(string, ...any) {}

// FixOrReason reports through t every diagnostic of results that has
// neither a suggested fix nor a reason after "; no fix: " at the end of its
// message (the project's rule: a finding without a fix says why none is
// safe), and every one that has both; it returns how many it checked.
func FixOrReason(t *testing.T, results []*analysistest.Result) int {
	t.Helper()
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			_, why, found := report.CutNoFix(d.Message)
			switch {
			case len(d.SuggestedFixes) == 0 && (!found || why == ""):
				t.Errorf("%s: %q has neither a fix nor a reason", r.Pass.Fset.Position(d.Pos), d.Message)
			case len(d.SuggestedFixes) > 0 && found:
				t.Errorf("%s: %q has a fix and says it has none", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	return n
}
