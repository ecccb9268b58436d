// Package factsonly is a helper analyzer that tells the passes whether a
// package is analysed for its diagnostics or only for the facts that the
// packages importing it need.
//
// go/analysis has no word for this: a driver runs the analyzers that export
// facts on every dependency of the packages it reports on, and discards
// their diagnostics (unitchecker's VetxOnly, gopls). staticcheck avoids the
// waste by keeping its facts in analyzers of their own, which report
// nothing. In maplint the facts of nilmerge, concurrentwrite and iterorder
// come out of the same walk that finds their diagnostics, so a pass asks
// instead, and on a dependency skips what only its diagnostics need: no
// diagnostic is built, no fix computed.
//
// Run always answers "diagnostics wanted", so every driver that does not
// know this analyzer (go vet, golangci-lint, gopls, analysistest) runs the
// passes in full, as before. maplint's own driver (internal/driver), which
// knows which packages it reports on, gives the passes of a dependency the
// result &Result{FactsOnly: true} instead of running it. A pass must export the same facts
// either way: only work whose sole product is diagnostics may be skipped.
// A fact that no other package can look up counts as such a product: a
// fact about a function whose name is not exported, which no importer can
// name as a callee, may be left out on a dependency (iterorder's SinkFact,
// see its computeFacts).
package factsonly

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Analyzer's result is a *Result. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "factsonly",
	Doc:        "factsonly: tell the passes whether a package's diagnostics are wanted or only its facts (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/internal/factsonly",
	Run:        func(*analysis.Pass) (any, error) { return &Result{}, nil },
	ResultType: reflect.TypeFor[*Result](),
}

// A Result says what a package is analysed for.
type Result struct {
	// FactsOnly is set when nothing will show the package's diagnostics:
	// the driver needs only the facts its importers read.
	FactsOnly bool
}

// Of reports whether pass, whose analyzer requires Analyzer, analyses its
// package only for its facts.
func Of(pass *analysis.Pass) bool {
	r, _ := pass.ResultOf[Analyzer].(*Result)
	return r != nil && r.FactsOnly
}
