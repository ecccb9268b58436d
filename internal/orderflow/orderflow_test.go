package orderflow_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

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
