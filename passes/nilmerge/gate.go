package nilmerge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/factsonly"
)

// gate is the pass's gate (see factsonly.Gate): ReturnsNil is exported
// only for a function or method of the package with a map result
// (exportFacts, summarize), so a package that declares none exports no
// fact, whatever the facts of the functions it calls.
var gate = &analysis.Analyzer{
	Name:       "nilmergegate",
	Doc:        "nilmergegate: tell a driver whether nilmerge can export facts on a package analysed only for them (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/passes/nilmerge",
	Run:        runGate,
	ResultType: factsonly.GateType,
}

func runGate(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				return &factsonly.Gate{}, nil // unknown: facts possible
			}
			res := obj.Signature().Results()
			for i := range res.Len() {
				if isMapLike(res.At(i).Type()) {
					return &factsonly.Gate{}, nil
				}
			}
		}
	}
	return &factsonly.Gate{NoFacts: true}, nil
}
