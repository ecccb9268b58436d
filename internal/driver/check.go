package driver

import (
	"fmt"
	"go/types"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/driver/output"
	"github.com/maplint/maplint/internal/version"
)

// loadMode is what the driver asks of go list: metadata only, without
// -compiled (see cgo.go). Syntax and types are produced one package at a
// time by the driver itself.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// check analyses the packages matched by patterns and prints the findings;
// it returns the exit code.
func check(patterns []string, analyzers []*analysis.Analyzer, o *options, stdout, stderr io.Writer) int {
	g, err := load(patterns, analyzers, o)
	if err == nil && o.build != nil {
		h := <-o.build
		o.version, err = h.id, h.err
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
		return 1
	}
	errs := newErrorLog(stderr)
	// go list's own errors (missing packages, bad imports, syntax), once.
	for _, n := range g.nodes {
		for _, e := range n.pkg.Errors {
			if e.Kind != packages.TypeError {
				errs.add(e.Error())
			}
		}
	}
	if len(g.roots) == 0 && errs.count() == 0 {
		fmt.Fprintf(stderr, "%s: no packages to analyse\n", progname())
	}

	jobs := o.jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	progress := output.NewProgress(os.Stderr)
	errs.w = progress.Wrap(stderr) // errors found during the run print above the progress line
	progress.Start(len(g.nodes))
	g.run(jobs, errs, progress)
	progress.Finish()

	if strings.Contains(o.debug, "analysed") {
		g.printAnalysed(stderr)
	}
	if strings.Contains(o.debug, "timing") {
		g.printTimings(stderr)
	}
	if strings.Contains(o.debug, "facts") {
		g.printFacts(stderr, g.rootAnalyzers)
	}
	trimCache(o.cacheDir)
	code := 0
	if errs.count() > 0 {
		code = 1
	}
	return report(g, analyzers, o, code, stdout, stderr)
}

// load lists the packages matched by patterns and their dependencies, and
// returns their graph.
func load(patterns []string, analyzers []*analysis.Analyzer, o *options) (*graph, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: o.tests}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	l, err := list(cfg, patterns, o)
	if err != nil {
		return nil, err
	}
	if strings.Contains(o.debug, "list") {
		fmt.Fprintf(os.Stderr, "%s: go list: from the cache %t\n", progname(), l.cached)
	}
	g := newGraph(l.roots, l.implicit, analyzers, o)
	g.sizes = types.SizesFor("gc", l.arch)
	if g.sizes == nil {
		return nil, fmt.Errorf("unknown GOARCH %q", l.arch)
	}
	g.cgo = &cgoLister{buildFlags: cfg.BuildFlags, listed: make(map[string]*packages.Package)}
	return g, nil
}

// printAnalysed writes the -debug=analysed report: the packages analysed
// from source, and how many came from the cache.
func (g *graph) printAnalysed(w io.Writer) {
	var ids []string
	for _, n := range g.nodes {
		if n.analysed {
			ids = append(ids, n.pkg.ID)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(w, "%s: analysed %s\n", progname(), id)
	}
	fmt.Fprintf(w, "%s: analysed %d packages (%d from cache)\n", progname(), len(ids), len(g.nodes)-len(ids))
}

// report prints the findings of g in the format o asks for, or applies
// their fixes, and returns the exit code: code, or 3 when findings remain
// (text output and -fix), or 1 when printing fails.
func report(g *graph, analyzers []*analysis.Analyzer, o *options, code int, stdout, stderr io.Writer) int {
	findings := g.findings()
	switch {
	case o.fix:
		// Fixes are applied, and what remains is printed: -fix never
		// hides a finding it could not fix.
		applied, remaining, err := applyFixes(findings, o.diff, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
			return 1
		}
		if len(remaining) > 0 {
			output.TextContext(stdout, remaining, o.context)
			if code == 0 {
				code = 3
			}
		}
		output.Summary(stderr, applied, len(remaining))
	case o.sarif:
		if err := output.SARIF(stdout, findings, analyzers, version.Version()); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
			return 1
		}
	case o.json:
		if err := output.JSONWithErrors(stdout, findings, g.passErrors); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
			return 1
		}
	default:
		output.TextContext(stdout, findings, o.context)
		if len(findings) > 0 && code == 0 {
			code = 3
		}
	}
	return code
}

// errorLog prints each distinct error message once.
type errorLog struct {
	mu   sync.Mutex
	w    io.Writer
	seen map[string]bool
	n    atomic.Int32
}

func newErrorLog(w io.Writer) *errorLog { return &errorLog{w: w, seen: make(map[string]bool)} }

func (l *errorLog) add(msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[msg] {
		return
	}
	l.seen[msg] = true
	l.n.Add(1)
	fmt.Fprintln(l.w, msg)
}

func (l *errorLog) count() int { return int(l.n.Load()) }
