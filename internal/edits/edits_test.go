package edits_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/edits"
)

// copyloop rewrites `for k, v := range src { dst[k] = v }` into a nil guard
// and maps.Copy, exercising every helper of the package.
var copyloop = &analysis.Analyzer{
	Name:     "copyloop",
	Doc:      "rewrites copy loops (a test analyzer)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		src := edits.NewSource(pass)
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for cur := range ins.Root().Preorder((*ast.RangeStmt)(nil)) {
			rng := cur.Node().(*ast.RangeStmt)
			as, ok := rng.Body.List[0].(*ast.AssignStmt)
			if !ok {
				continue
			}
			file := enclosingFile(cur)
			dst, _ := src.Text(as.Lhs[0].(*ast.IndexExpr).X)
			from, _ := src.Text(rng.X)
			prefix, imp := edits.AddImport(pass.TypesInfo, file, "maps", "maps", "Copy", rng.Pos())
			guard, err := src.InsertBefore(rng, "if "+dst+" == nil {\n\t"+dst+" = map[string]int{}\n}")
			if err != nil {
				return nil, err
			}
			repl, err := src.Replace(file, rng, prefix+"Copy("+dst+", "+from+")")
			if err != nil {
				return nil, err
			}
			pass.Report(analysis.Diagnostic{
				Pos:     rng.Pos(),
				Message: "copy loop",
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Use maps.Copy",
					TextEdits: append(imp, guard, repl),
				}},
			})
		}
		return nil, nil
	},
}

func enclosingFile(cur inspector.Cursor) *ast.File {
	for c := range cur.Enclosing((*ast.File)(nil)) {
		return c.Node().(*ast.File)
	}
	return nil
}

func TestEdits(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), copyloop, "fixes")
}
