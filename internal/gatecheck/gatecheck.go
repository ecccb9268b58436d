// Package gatecheck tests a pass's gate (see internal/factsonly) against
// the facts the pass exports: on every package that an analysistest run
// analysed, roots and dependencies (the standard library's included), a
// gate that says NoFacts must be right.
package gatecheck

import (
	"go/types"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/maplint/maplint/internal/factsonly"
)

// quiet ignores the mismatches of // want comments: a gate is checked on
// every package of testdata at once, with the pass's default flags.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Run runs pass on the packages of testdata and checks its gate on every
// package analysed. It returns how many packages the gate skipped and on
// how many the pass exported facts.
func Run(t *testing.T, testdata string, pass *analysis.Analyzer, pkgs ...string) (skipped, withFacts int) {
	t.Helper()
	gate := factsonly.GateOf(pass)
	if gate == nil {
		t.Fatalf("%s has no gate", pass.Name)
	}
	results := analysistest.Run(quiet{}, testdata, pass, pkgs...)
	if len(results) == 0 {
		t.Fatalf("%s: no package analysed", pass.Name)
	}
	seen := make(map[*checker.Action]bool)
	var visit func(act *checker.Action)
	visit = func(act *checker.Action) {
		if seen[act] {
			return
		}
		seen[act] = true
		for _, d := range act.Deps {
			visit(d)
		}
		if act.Analyzer != pass || act.Err != nil || act.Package.Types == nil {
			return
		}
		own := ownFacts(act)
		if own > 0 {
			withFacts++
		}
		g := runGate(t, gate, act)
		if g == nil || !g.NoFacts {
			return
		}
		if own == 0 {
			skipped++
			return
		}
		if !referredHasFacts(act, g) {
			t.Errorf("%s: gate %s says no facts, but %s exported %d", act.Package.PkgPath, gate.Name, pass.Name, own)
		}
	}
	for _, r := range results {
		visit(r.Action)
	}
	return skipped, withFacts
}

// ownFacts returns how many facts act exported about its own package.
func ownFacts(act *checker.Action) int {
	n := 0
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() == act.Package.Types {
			n++
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types {
			n++
		}
	}
	return n
}

func runGate(t *testing.T, gate *analysis.Analyzer, act *checker.Action) *factsonly.Gate {
	p := act.Package
	res, err := gate.Run(&analysis.Pass{Analyzer: gate, Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, TypesInfo: p.TypesInfo, TypesSizes: p.TypesSizes})
	if err != nil {
		t.Errorf("%s: gate %s: %v", p.PkgPath, gate.Name, err)
		return nil
	}
	return res.(*factsonly.Gate)
}

// referredHasFacts reports whether an analyzer of g's Unless has a fact
// about an object that act's package refers to.
func referredHasFacts(act *checker.Action, g *factsonly.Gate) bool {
	unless := make(map[*analysis.Analyzer]bool)
	for _, u := range g.Unless {
		unless[u] = true
	}
	if g.UnlessOwn {
		unless[act.Analyzer] = true
	}
	refs := make(map[types.Object]bool)
	p := act.Package
	factsonly.Refs(p.Types, p.Syntax, p.TypesInfo, func(obj types.Object) { refs[obj] = true })
	found := false
	seen := make(map[*checker.Action]bool)
	var visit func(a *checker.Action)
	visit = func(a *checker.Action) {
		if seen[a] || found || a.Package != p {
			return
		}
		seen[a] = true
		if unless[a.Analyzer] {
			for _, f := range a.AllObjectFacts() {
				found = found || refs[f.Object]
			}
		}
		for _, d := range a.Deps {
			visit(d)
		}
	}
	visit(act)
	return found
}

// Packages returns the import paths of the packages under testdata/src.
func Packages(t *testing.T, testdata string) []string {
	t.Helper()
	src := filepath.Join(testdata, "src")
	var out []string
	seen := make(map[string]bool)
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err == nil && !seen[rel] {
			seen[rel] = true
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Test checks pass's gate on every package of the calling test's testdata
// and their dependencies: where the gate says the pass exports no facts,
// it exports none. It fails when the testdata does not exercise the gate
// both ways (no package skipped, or none with facts).
func Test(t *testing.T, pass *analysis.Analyzer) {
	t.Helper()
	testdata := analysistest.TestData()
	skipped, withFacts := Run(t, testdata, pass, Packages(t, testdata)...)
	t.Logf("gate skipped %d packages; facts on %d", skipped, withFacts)
	if skipped == 0 || withFacts == 0 {
		t.Errorf("the gate is not exercised: skipped %d packages, facts on %d", skipped, withFacts)
	}
}
