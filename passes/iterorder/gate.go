package iterorder

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/factsonly"
)

// gate is the pass's gate (see factsonly.Gate). On a package analysed
// only for its facts, the pass reads neither buildssa's result nor
// orderflow's loops (only diagnostics), and the driver may skip building
// them: the paths through a sink (guards.go), which decide facts too, are
// read from SSA that orderflow.Paths builds on the first question, which
// most dependencies never ask.
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
