package report_test

import (
	"go/ast"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/report"
)

// mapwrite reports every assignment to a map element, with a fix that
// deletes it, so that the tests can see which reports and fixes survive.
var mapwrite = &analysis.Analyzer{
	Name:     "mapwrite",
	Doc:      "reports map writes (a test analyzer)",
	Requires: []*analysis.Analyzer{inspect.Analyzer, directive.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		r := report.New(pass)
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range ins.PreorderSeq((*ast.AssignStmt)(nil)) {
			as := n.(*ast.AssignStmt)
			if ix, ok := as.Lhs[0].(*ast.IndexExpr); ok {
				r.Report(analysis.Diagnostic{
					Pos:     as.Pos(),
					Message: "map write",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Delete the write",
						TextEdits: []analysis.TextEdit{{Pos: as.Pos(), End: as.End(), NewText: []byte("_ = " + types(ix))}},
					}},
				})
			}
		}
		return nil, nil
	},
}

func types(ix *ast.IndexExpr) string { return ix.X.(*ast.Ident).Name }

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mapwrite, "ignore")
}

func TestGeneratedFilesHaveNoFixes(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), mapwrite, "generated")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			file := filepath.Base(r.Pass.Fset.File(d.Pos).Name())
			switch hasFix := len(d.SuggestedFixes) > 0; {
			case file == "generated.go" && hasFix:
				t.Errorf("%s: finding in a generated file has a fix", file)
			case file == "handwritten.go" && !hasFix:
				t.Errorf("%s: finding in a hand-written file lost its fix", file)
			}
			n++
		}
	}
	if n != 2 {
		t.Errorf("got %d diagnostics, want 2", n)
	}
}
