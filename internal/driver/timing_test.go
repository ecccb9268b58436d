package driver

import (
	"bytes"
	"go/ast"
	"go/types"
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// called is the fact of testAnalyzer: every function has it.
type called struct{}

func (*called) AFact()         {}
func (*called) String() string { return "called" }

// TestTimingFactsMatter checks -debug=timing's kinds: lib's fact is found
// by app, the root, so lib's facts matter; the std packages' are never
// looked up.
func TestTimingFactsMatter(t *testing.T) {
	t.Chdir("../../testdata/modules/merge")
	a := &analysis.Analyzer{
		Name:      "calls",
		Doc:       "calls: exports a fact on every function and looks up the facts of the functions it calls",
		FactTypes: []analysis.Fact{new(called)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], new(called))
					case *ast.SelectorExpr:
						if fn, ok := pass.TypesInfo.Uses[n.Sel].(*types.Func); ok && fn.Pkg() != pass.Pkg {
							pass.ImportObjectFact(fn, new(called))
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-nocache", "-debug=timing", "./app"}, []*analysis.Analyzer{a}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, want 0:\n%s%s", code, &stdout, &stderr)
	}
	for _, want := range []string{
		// (app is imported by nothing: it needs no export data.)
		`(?m)^\S+: timing example.com/merge/app root facts=1 total=\S+ parse=\S+ check=\S+ calls=\S+$`,
		`(?m)^\S+: timing example.com/merge/lib dep-matters facts=1 `,
		`(?m)^\S+: timing summary root packages=1 total=`,
	} {
		if !regexp.MustCompile(want).Match(stderr.Bytes()) {
			t.Errorf("no line matches %s in:\n%s", want, &stderr)
		}
	}
}
