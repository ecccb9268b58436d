package orderflow_test

import (
	"fmt"
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/orderflow"
)

// show reports each loop's flows at the loop, as "Kind target", so that
// the testdata can state them with // want.
var show = &analysis.Analyzer{
	Name:     "show",
	Doc:      "report the flows orderflow finds",
	Requires: []*analysis.Analyzer{orderflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[orderflow.Analyzer].(*orderflow.Result)
		for _, l := range res.Loops() {
			for _, f := range l.Flows {
				pass.Reportf(l.For, "%s %s", f.Kind, f.Target)
			}
		}
		return nil, nil
	},
}

func TestFlows(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "flows")
}

func TestKindString(t *testing.T) {
	for k, want := range map[orderflow.Kind]string{orderflow.FirstWins: "FirstWins", orderflow.Numbered: "Numbered", orderflow.ArgMaxTie: "ArgMaxTie"} {
		if got := fmt.Sprint(k); got != want {
			t.Errorf("%d: %q, want %q", k, got, want)
		}
	}
}

// pathsAnalyzer reports each call of a function named mark in the
// testdata with what Paths says of it; lazy makes Paths build its own SSA,
// as it does on a dependency where the driver skipped buildssa.
func pathsAnalyzer(lazy bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "paths",
		Doc:      "report what orderflow.Paths says of each call of mark",
		Requires: []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer, ctrlflow.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			s := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
			if lazy {
				s = nil
			}
			p := orderflow.NewPaths(pass, s, pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs))
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
				call := n.(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
					continue
				}
				switch {
				case p.Dead(call):
					pass.Reportf(call.Pos(), "dead")
				case p.Failing(call):
					pass.Reportf(call.Pos(), "failing")
				}
			}
			return nil, nil
		},
	}
}

func TestPaths(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathsAnalyzer(false), "paths")
	analysistest.Run(t, analysistest.TestData(), pathsAnalyzer(true), "paths")
}
