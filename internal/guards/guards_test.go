package guards_test

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/mapid"
)

// show reports the guard of every map field and package variable at its
// declaration.
var show = &analysis.Analyzer{
	Name:     "showguards",
	Doc:      "showguards: report the guard of each map",
	Requires: []*analysis.Analyzer{guards.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[guards.Analyzer].(*guards.Result)
		seen := make(map[mapid.ID]bool)
		for _, a := range res.Accesses {
			if a.ID.Kind != mapid.Field && a.ID.Kind != mapid.Global || seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			g, ok := res.Guard(a.ID)
			if !ok {
				continue
			}
			var obj types.Object = a.ID.Field
			if a.ID.Kind == mapid.Global {
				obj = a.ID.Global.Object()
			}
			how := "inferred"
			if g.Declared {
				how = "declared"
			}
			name := g.Rel.String()
			if name == "" {
				name = g.Abs.String()
			}
			pass.Reportf(obj.Pos(), "guard of %s: %s %s (holds %d, lacks %d)", obj.Name(), name, how, g.Holds, g.Lacks)
		}
		return nil, nil
	},
}

func TestGuards(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "declared")
}

// TestRunsFact checks the facts on fields whose value the package calls in
// goroutines it starts (once, or many at once), and none on a field called
// outside any goroutine.
func TestRunsFact(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), guards.Analyzer, "runs")
}

// TestSerialFact checks the facts of methods that hand a function to the
// one goroutine of their receiver, and their absence on near misses.
func TestSerialFact(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), guards.Analyzer, "serial")
}

// TestSerialGuards checks the locks the tasks of an executor of another
// package run under, as the guards inferred from them show.
func TestSerialGuards(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "serialuse")
}
