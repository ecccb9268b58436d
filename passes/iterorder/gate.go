package iterorder

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/factsonly"
)

// gate is the pass's gate (see factsonly.Gate). The pass's facts are
// computed on the syntax and types alone: on a package analysed only for
// its facts, it reads neither the SSA (only the round trips of
// roundtrip.go do, which only drop diagnostics) nor orderflow's loops
// (only diagnostics), and the driver may skip building them.
var gate = &analysis.Analyzer{
	Name:       "iterordergate",
	Doc:        "iterordergate: tell a driver what iterorder needs on a package analysed only for its facts (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/passes/iterorder",
	Run:        runGate,
	ResultType: factsonly.GateType,
}

func runGate(*analysis.Pass) (any, error) {
	return &factsonly.Gate{Needs: []*analysis.Analyzer{inspect.Analyzer, directive.Analyzer, factsonly.Analyzer, ctrlflow.Analyzer}}, nil
}
