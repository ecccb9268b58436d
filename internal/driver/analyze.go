package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/driver/output"
)

// process analyses one node whose dependencies are done: from the cache
// when its key is there, from source otherwise. Of the analysis it keeps
// the export data, the facts and the findings; syntax, type information
// and analyzer results are garbage once it returns.
func (g *graph) process(n *node, errs *errorLog) {
	if n.pkg.PkgPath == "unsafe" {
		n.key = "unsafe"
		return
	}
	// A dependency's files are known by their size and modification time:
	// they live in the module cache or GOROOT and seldom change, and a
	// warm run then reads no file of theirs. The files users edit, the
	// roots' and the main module's, are known by their content.
	byContent := n.root || n.pkg.Module != nil && n.pkg.Module.Main
	srcs, err := g.identify(n.pkg.GoFiles, byContent)
	if err != nil {
		errs.add(err.Error())
		n.errored = true
	}
	// C headers, which a cgo preamble may include (see cgo.go).
	var headers []string
	for _, name := range n.pkg.OtherFiles {
		if isHeader(name) {
			headers = append(headers, name)
		}
	}
	hsrcs, err := g.identify(headers, byContent)
	if err != nil {
		errs.add(err.Error())
		n.errored = true
	}
	n.key = g.cacheKey(n, slices.Concat(srcs, hsrcs))
	if len(n.pkg.Errors) > 0 {
		n.errored = true
	}
	if !n.errored {
		if e, ok := g.cacheGet(n.key, n.root, len(n.rdeps) > 0); ok {
			n.fromCache = true
			n.findings = e.Findings // facts are read when a dependent needs them
			return
		}
	}
	if !n.errored && !read(srcs) {
		if srcs, err = readSources(n.pkg.GoFiles, true); err != nil {
			errs.add(err.Error())
			n.errored = true
		}
	}
	if usesCgo(srcs) {
		n.cgo = true
		files, err := g.cgo.compiledFiles(n.pkg)
		if err == nil {
			srcs, err = readSources(files, true)
		}
		if err != nil {
			errs.add(err.Error())
			n.errored = true
		}
	}
	g.analyse(n, srcs, errs)
	if !n.errored && (n.export != nil || len(n.rdeps) == 0) && g.cachePut(n.key, &cacheEntry{Export: n.export, Facts: n.facts, Findings: n.findings}) {
		// Dependents read the export data back from the cache, if at
		// all: meanwhile it would be most of the heap (a package's types
		// are read when a package that imports it directly is checked,
		// which may be much later).
		n.inCache = true
		n.export = nil
	}
	if len(n.rdeps) == 0 {
		n.export = nil // nothing will read it
	}
}

// analyse parses and type-checks n, runs the analyzers and keeps what
// dependents need.
func (g *graph) analyse(n *node, srcs []source, errs *errorLog) {
	n.analysed = true
	if strings.Contains(g.o.debug, "timing") {
		n.timing = new(timing)
	}
	start := time.Now()
	files := g.parse(n, srcs, errs)
	// The package's positions are needed until its findings and export
	// data are written; then they would only keep its line tables alive
	// for the rest of the run (a fifth of the live heap on caddy).
	defer g.forget(n, files)
	n.timing.add("parse", start)
	tpkg, info := g.typeCheck(n, files, errs)
	// A package is ill-typed when it or a dependency has errors, as
	// go/packages' IllTyped: it is still analysed (a broken import does
	// not hide the findings of the code that type-checks), but go/types
	// records no type for an expression built on what the broken
	// dependency left invalid, and go/ssa panics on such syntax (see
	// analyzerRun.call).
	n.illTyped = n.errored || slices.ContainsFunc(n.deps, func(d *node) bool { return d.illTyped })

	analyzers := g.depAnalyzers
	if n.root {
		analyzers = g.rootAnalyzers
	}
	if !n.errored {
		n.facts, n.findings = g.runAnalyzers(n, analyzers, files, tpkg, info, errs)
		if n.timing != nil {
			n.timing.facts = len(n.facts)
		}
	}
	g.keepTypes(n, tpkg)
	g.mu.Lock()
	g.analysed++
	g.mu.Unlock()
}

// typeCheck type-checks the files of n against the canonical types of its
// dependencies, and reports its type errors unless go list's errors
// explain them.
func (g *graph) typeCheck(n *node, files []*ast.File, errs *errorLog) (*types.Package, *types.Info) {
	p := n.pkg
	info := newInfo(files)
	var typeErrors []types.Error
	cfg := &types.Config{
		Sizes: g.sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				typeErrors = append(typeErrors, te)
			}
		},
		Importer: importerFunc(func(path string) (*types.Package, error) { return g.importFor(n, path) }),
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	start := time.Now()
	tpkg, _ := cfg.Check(p.PkgPath, g.fset, files, info)
	n.timing.add("check", start)
	if len(typeErrors) > 0 {
		n.errored = true
		// When go list reported an error for the package or for one it
		// imports (a missing package), its message explains these.
		explained := len(p.Errors) > 0
		for _, d := range n.deps {
			explained = explained || len(d.pkg.Errors) > 0
		}
		if !explained {
			const most = 10
			for i, te := range typeErrors {
				if i == most {
					errs.add(fmt.Sprintf("%s: %d more type errors", p.ID, len(typeErrors)-most))
					break
				}
				errs.add(te.Error())
			}
		}
	}
	return tpkg, info
}

// importFor returns the canonical types of the package that path names
// in an import of n.
func (g *graph) importFor(n *node, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dp, ok := n.pkg.Imports[path]
	if !ok && n.cgo {
		// An import of cgo's output (see cgo.go).
		if d := implicitImport(n, path); d != nil && d != n {
			return g.typesOf(d)
		}
	}
	if !ok {
		return nil, fmt.Errorf("no package for import %q", path)
	}
	for _, d := range n.deps {
		if d.pkg.ID == dp.ID { // (dp may come from the load of implicitPaths: see cgo.go)
			return g.typesOf(d)
		}
	}
	return nil, fmt.Errorf("no package for import %q", path)
}

// keepTypes keeps the types of n for dependents as export data; read back
// (see typesOf), they hold no syntax, scopes of function bodies or
// positions beyond lines. A package that nothing in this run imports (a
// test, a command) needs none: its cache entry goes without, and a run in
// which a package imports it analyses it again (see cacheGet).
func (g *graph) keepTypes(n *node, tpkg *types.Package) {
	if len(n.rdeps) == 0 {
		return
	}
	start := time.Now()
	defer n.timing.add("export", start)
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, g.fset, tpkg); err == nil {
		n.export = buf.Bytes()
		return
	}
	g.mu.Lock()
	n.fromSource = tpkg // keep the types from source
	g.byTypes[tpkg] = n
	g.mu.Unlock()
	n.errored = true // not cached
}

// parse parses the files of n.
func (g *graph) parse(n *node, srcs []source, errs *errorLog) []*ast.File {
	var files []*ast.File
	for _, s := range srcs {
		f, err := parser.ParseFile(g.fset, s.name, s.data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if len(n.pkg.Errors) == 0 { // go list reported it already otherwise
				errs.add(err.Error())
			}
			n.errored = true
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files
}

// forget removes the files of n from the run's file set, unless its types
// from source are kept for dependents (see analyse), whose positions would
// then name them.
func (g *graph) forget(n *node, files []*ast.File) {
	g.mu.Lock()
	keep := n.fromSource != nil
	g.mu.Unlock()
	if keep {
		return
	}
	for _, f := range files {
		if tf := g.fset.File(f.FileStart); tf != nil {
			g.fset.RemoveFile(tf)
		}
	}
}

// newInfo returns the type information to record for files, its maps
// sized for them. Grown from empty, the maps were rehashed at every
// doubling: 5% of the CPU time of a cold run on caddy, half of it for
// Types alone. Entries per kilobyte of declarations (the extent of the
// files' declarations, not counting the comments above them), measured on
// the 360 packages over 20 kB that caddy's modules/caddyhttp/... and
// caddyconfig/... load, std included: Types median 68, tenth percentile
// 43, ninetieth 102; Uses 44 (23-61); Defs 10; Scopes 8; Selections 6;
// Implicits 2. The hints are the medians: a package above them grows its
// maps once more, one below wastes at most some table slots until it is
// done. Instances are rare (generic code) and stay unsized.
func newInfo(files []*ast.File) *types.Info {
	extent := 0
	for _, f := range files {
		extent += int(f.End() - f.Pos())
	}
	kb := extent / 1000
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, 68*kb),
		Defs:         make(map[*ast.Ident]types.Object, 10*kb),
		Uses:         make(map[*ast.Ident]types.Object, 44*kb),
		Implicits:    make(map[ast.Node]types.Object, 2*kb),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, 8*kb),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, 6*kb),
		FileVersions: make(map[*ast.File]string, len(files)),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// readExport reads the canonical types of n from its export data, into
// the package that dependents' data may have started (see typesOf);
// g.exportMu is held. The data reaches gcexportdata.Read as an
// io.LimitedReader, which it reads into one buffer of the data's size:
// from any other reader it grows a buffer by copies, and from the cache
// the file's bytes were a copy already (after an edit on client-go, which
// reads 470 packages' data, the copies and their clearing took a fifth of
// the run's CPU time).
func (g *graph) readExport(n *node) (*types.Package, error) {
	g.mu.Lock()
	src := n.fromSource
	g.mu.Unlock()
	if src != nil {
		return src, nil
	}
	var r *io.LimitedReader
	switch {
	case n.export != nil:
		r = &io.LimitedReader{R: bytes.NewReader(n.export), N: int64(len(n.export))}
	case n.fromCache || n.inCache:
		f, size, ok := g.cacheOpen(n.key, "x")
		if !ok {
			break
		}
		defer f.Close()
		r = &io.LimitedReader{R: f, N: size}
	}
	if r == nil {
		return nil, fmt.Errorf("no types for %s", n.pkg.ID)
	}
	view := g.view(n)
	size := len(view)
	tpkg, err := gcexportdata.Read(r, g.fset, view, n.pkg.PkgPath)
	if len(view) != size {
		// The data mentioned a package outside n's dependencies, which
		// the reader added: keep it out of g.plain.
		for path, p := range view {
			if p != types.Unsafe && g.nodeOf(p) == nil {
				delete(view, path)
			}
		}
	}
	return tpkg, err
}

// finding converts a diagnostic of a root package.
func (g *graph) finding(n *node, a *analysis.Analyzer, d analysis.Diagnostic) output.Finding {
	f := output.Finding{
		Pass:     a.Name,
		Category: d.Category,
		Package:  n.pkg.PkgPath,
		Posn:     g.fset.Position(d.Pos),
		Message:  d.Message,
	}
	if d.End.IsValid() {
		f.End = g.fset.Position(d.End)
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, output.Related{Posn: g.fset.Position(r.Pos), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := output.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start := g.fset.Position(e.Pos)
			end := start
			if e.End.IsValid() {
				end = g.fset.Position(e.End)
			}
			fix.Edits = append(fix.Edits, output.Edit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// readFileOf is pass.ReadFile: the files of the package only.
func readFileOf(p *packages.Package) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		for _, list := range [][]string{p.CompiledGoFiles, p.GoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
			if slices.Contains(list, name) {
				return os.ReadFile(name)
			}
		}
		return nil, errors.New("maplint: ReadFile: " + name + " is not a file of package " + p.PkgPath)
	}
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return &analysis.Module{}
	}
	am := &analysis.Module{
		Path:      m.Path,
		Version:   m.Version,
		Time:      m.Time,
		Main:      m.Main,
		Indirect:  m.Indirect,
		Dir:       m.Dir,
		GoMod:     m.GoMod,
		GoVersion: m.GoVersion,
	}
	if m.Replace != nil {
		am.Replace = analysisModule(m.Replace)
	}
	if m.Error != nil {
		am.Error = &analysis.ModuleError{Err: m.Error.Err}
	}
	return am
}
