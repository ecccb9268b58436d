package driver

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/driver/output"
	"github.com/maplint/maplint/internal/factsonly"
)

// runAnalyzers runs analyzers (required ones first) on a type-checked
// package and returns its facts and, for a root, its findings. On a
// dependency, the gates run first, and only the analyzers they leave
// needed run then (see gates.go).
func (g *graph) runAnalyzers(n *node, analyzers []*analysis.Analyzer, files []*ast.File, tpkg *types.Package, info *types.Info, errs *errorLog) ([]factEntry, []output.Finding) {
	r := &analyzerRun{
		g: g, n: n, files: files, tpkg: tpkg, info: info, errs: errs,
		results: make(map[*analysis.Analyzer]any),
		failed:  make(map[*analysis.Analyzer]bool),
		local:   newFactStore(),
		module:  analysisModule(n.pkg.Module),
	}
	if n.root {
		for _, a := range analyzers {
			r.run(a)
		}
		return r.local.encode(), r.findings
	}
	for _, a := range analyzers {
		if a.ResultType == factsonly.GateType {
			r.run(a)
		}
	}
	needed := r.needed(analyzers)
	for _, a := range analyzers {
		if a.ResultType != factsonly.GateType && needed[a] {
			r.run(a)
		}
	}
	return r.local.encode(), r.findings
}

// analyzerRun is the run of the analyzers on one package.
type analyzerRun struct {
	g        *graph
	n        *node
	files    []*ast.File
	tpkg     *types.Package
	info     *types.Info
	errs     *errorLog
	results  map[*analysis.Analyzer]any
	failed   map[*analysis.Analyzer]bool
	local    *factStore
	findings []output.Finding
	module   *analysis.Module
	refs     []types.Object // see referred
}

// run runs a, whose requirements have run or were skipped: a skipped
// requirement's result is the zero value of its ResultType (see gates.go).
func (r *analyzerRun) run(a *analysis.Analyzer) {
	g, n := r.g, r.n
	if slices.ContainsFunc(a.Requires, func(q *analysis.Analyzer) bool { return r.failed[q] }) {
		r.failed[a] = true // the failure was reported once, for q
		return
	}
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, q := range a.Requires {
		res, ok := r.results[q]
		if !ok {
			res = reflect.Zero(q.ResultType).Interface()
		}
		inputs[q] = res
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         g.fset,
		Files:        r.files,
		OtherFiles:   n.pkg.OtherFiles,
		IgnoredFiles: n.pkg.IgnoredFiles,
		Pkg:          r.tpkg,
		TypesInfo:    r.info,
		TypesSizes:   g.sizes,
		Module:       r.module,
		ResultOf:     inputs,
		ReadFile:     readFileOf(n.pkg),
	}
	pass.Report = func(d analysis.Diagnostic) {
		if n.root {
			r.findings = append(r.findings, g.finding(n, a, d))
		}
	}
	g.bindFacts(pass, n, r.tpkg, r.local)
	start := time.Now()
	run := a.Run
	if a == factsonly.Analyzer && !n.root {
		// Nothing shows a dependency's diagnostics: its passes need
		// only export their facts (see package factsonly).
		run = func(*analysis.Pass) (any, error) { return &factsonly.Result{FactsOnly: true}, nil }
	}
	res, skipped, err := r.call(run, pass)
	n.timing.add(a.Name, start)
	if skipped {
		// The dependency's error, printed already, explains it.
		r.failed[a] = true
		n.errored = true
		return
	}
	if err == nil && reflect.TypeOf(res) != a.ResultType {
		err = fmt.Errorf("internal error: analyzer %s returned a result of type %v, but declared ResultType %v", a.Name, reflect.TypeOf(res), a.ResultType)
	}
	if err != nil {
		r.failed[a] = true
		r.errs.add(fmt.Sprintf("%s: %s: %v", n.pkg.ID, a.Name, err))
		g.mu.Lock()
		g.passErrors = append(g.passErrors, output.PackageError{Package: n.pkg.PkgPath, Pass: a.Name, Err: err.Error()})
		g.mu.Unlock()
		n.errored = true
		return
	}
	r.results[a] = res
}

// call runs an analyzer. On an ill-typed package (see analyse) a panic is
// taken for what go/ssa and go/types document it to be, the result of
// building code whose types are incomplete: the analyzer is skipped, and
// so are those that require it. On a well-typed package a panic is a bug of maplint's
// and is not recovered.
func (r *analyzerRun) call(run func(*analysis.Pass) (any, error), pass *analysis.Pass) (res any, skipped bool, err error) {
	if r.n.illTyped {
		defer func() {
			if recover() != nil {
				res, skipped, err = nil, true, nil
			}
		}()
	}
	res, err = run(pass)
	return res, false, err
}
