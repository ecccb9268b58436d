package driver

import (
	"container/heap"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/driver/output"
)

// graph is the packages of one run, in dependency order.
type graph struct {
	o     *options
	fset  *token.FileSet
	nodes []*node // every package, dependencies before dependents
	roots []*node // the packages whose findings are reported
	// rootAnalyzers run on roots (the selected passes and what they
	// require); depAnalyzers on dependencies: only the passes whose facts
	// dependents import, and what they require.
	rootAnalyzers, depAnalyzers []*analysis.Analyzer
	cacheConfig                 []byte // the analyzers' configuration, part of every key
	sizes                       types.Sizes
	cgo                         *cgoLister

	// exportMu serialises export data reads: one may declare objects in
	// the canonical package of any node it mentions (see typesOf).
	exportMu sync.Mutex
	// plain maps the path of every done node that is not a test variant
	// to its canonical package (see view); guarded by exportMu.
	plain map[string]*types.Package

	mu         sync.Mutex
	byTypes    map[*types.Package]*node // canonical types → node, for facts
	analysed   int
	passErrors []output.PackageError // analyzers that failed, for -json
}

// node is one package of the graph and what the run keeps of it.
type node struct {
	pkg      *packages.Package
	deps     []*node // imported packages
	implicit []*node // packages cgo's output may import, not in deps (see cgo.go)
	rdeps    []*node // importers, and dependents through implicit
	root     bool
	pending  int // deps not done yet; owned by the scheduler
	priority int // see prioritise

	key       string // cache key; set when the node is done
	errored   bool   // the package or its load had errors: not cached
	illTyped  bool   // the package or a dependency had errors (see analyse)
	analysed  bool   // analysed from source in this run
	fromCache bool   // found in the cache
	inCache   bool   // written to the cache by this run
	cgo       bool   // analysed from cgo's output (see cgo.go)

	// Kept for dependents: the canonical types (from export data, see
	// typesOf) and the encoded facts.
	typesOnce  sync.Once
	types      *types.Package // once typesOnce is done
	typesErr   error
	shell      *types.Package // the canonical package, maybe incomplete; guarded by graph.exportMu
	fromSource *types.Package // when export data could not be written; guarded by graph.mu
	export     []byte         // export data, until it has been read (or from the cache)
	facts      []factEntry
	factsOnce  sync.Once // reads facts from the cache
	decodedMu  sync.Mutex
	decoded    map[*analysis.Analyzer]map[factKey]analysis.Fact // by decodedFacts, per analyzer

	findings []output.Finding
	timing   *timing // -debug=timing
}

// newGraph builds the graph of roots and their dependencies.
// implicit are the packages that cgo's output imports (see cgo.go), or
// none when cgo is disabled.
func newGraph(roots, implicit []*packages.Package, analyzers []*analysis.Analyzer, o *options) *graph {
	g := &graph{
		o:       o,
		fset:    token.NewFileSet(),
		byTypes: make(map[*types.Package]*node),
		plain:   make(map[string]*types.Package),
	}
	g.rootAnalyzers, g.depAnalyzers = analyzerSets(analyzers)
	g.cacheConfig = analyzerConfig(g.rootAnalyzers)
	byID := make(map[string]*node)
	var visit func(p *packages.Package) *node
	visit = func(p *packages.Package) *node {
		if n := byID[p.ID]; n != nil {
			return n
		}
		n := &node{pkg: p}
		byID[p.ID] = n
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			d := visit(p.Imports[path])
			n.deps = append(n.deps, d)
			d.rdeps = append(d.rdeps, n)
		}
		g.nodes = append(g.nodes, n) // postorder: dependencies first
		return n
	}
	for _, p := range roots {
		if isTestMain(p) {
			continue // the generated main of a test binary
		}
		n := visit(p)
		if !n.root {
			n.root = true
			g.roots = append(g.roots, n)
		}
	}
	g.addImplicit(implicit, visit)
	for _, n := range g.nodes {
		n.pending = len(n.deps) + len(n.implicit)
	}
	return g
}

// addImplicit adds the packages that cgo's output imports to the graph,
// and makes every package that may use cgo, every one outside their
// dependencies, depend on them: its cgo files are known only once they are
// read, and their imports must then be done, with one canonical package
// each for the whole run (see cgo.go).
func (g *graph) addImplicit(pkgs []*packages.Package, visit func(*packages.Package) *node) {
	var implicit []*node
	below := make(map[*node]bool)
	var mark func(n *node)
	mark = func(n *node) {
		if below[n] {
			return
		}
		below[n] = true
		for _, d := range n.deps {
			mark(d)
		}
	}
	for _, p := range pkgs {
		n := visit(p)
		implicit = append(implicit, n)
		mark(n)
	}
	for _, n := range g.nodes {
		if below[n] {
			continue
		}
		for _, d := range implicit {
			if !slices.Contains(n.deps, d) {
				n.implicit = append(n.implicit, d)
				d.rdeps = append(d.rdeps, n)
			}
		}
	}
}

// isTestMain reports whether p is the generated main package of a test.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test") && p.ID == p.PkgPath
}

// analyzerSets returns the analyzers to run on roots and on dependencies,
// each in an order where required analyzers come first.
func analyzerSets(selected []*analysis.Analyzer) (roots, deps []*analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		roots = append(roots, a)
	}
	for _, a := range selected {
		visit(a)
	}
	// On a dependency, only facts matter: run the analyzers that produce
	// them and what those require.
	need := make(map[*analysis.Analyzer]bool)
	var mark func(a *analysis.Analyzer)
	mark = func(a *analysis.Analyzer) {
		if need[a] {
			return
		}
		need[a] = true
		for _, r := range a.Requires {
			mark(r)
		}
	}
	for _, a := range roots {
		if len(a.FactTypes) > 0 {
			mark(a)
		}
	}
	for _, a := range roots {
		if need[a] {
			deps = append(deps, a)
		}
	}
	return roots, deps
}

// run analyses every node with jobs workers, each node once all its
// dependencies are done. Of the ready nodes, the one with the longest chain
// of dependents goes first, so that the critical path is never left
// waiting while the workers clear leaves.
func (g *graph) run(jobs int, errs *errorLog, progress output.Progress) {
	g.prioritise()
	var ready readyQueue
	for _, n := range g.nodes {
		if n.pending == 0 {
			heap.Push(&ready, n)
		}
	}
	work := make(chan *node)
	done := make(chan *node)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				g.process(n, errs)
				g.addPlain(n)
				done <- n
			}
		}()
	}
	// The GC tuner (see memory.go) starts once tunerAfter packages have
	// been analysed from source: a run that analyses fewer, after an edit,
	// keeps the default collector. Its live heap is small (32 MB at the end
	// of client-go's edit run), but the tuner's budget let the heap grow to
	// 200 MB of garbage, mostly export data read once: peak RSS 190 MB
	// against 86 MB with GOGC=100, which was also faster (1.61 s against
	// 1.86 s: fewer pages faulted in).
	// Until then the collector runs at smallHeapPercent.
	defer smallHeap()()
	var gc *gcTuner
	defer func() {
		if gc != nil {
			gc.stop()
		}
	}()
	analysed := 0
	for remaining := len(g.nodes); remaining > 0; {
		var send chan *node
		var next *node
		if ready.Len() > 0 {
			send, next = work, ready[0]
		}
		select {
		case send <- next:
			heap.Pop(&ready)
		case n := <-done:
			remaining--
			if n.analysed {
				if analysed++; analysed == tunerAfter {
					gc = newGCTuner()
				}
			}
			progress.Done(n.pkg.PkgPath)
			for _, r := range n.rdeps {
				r.pending--
				if r.pending == 0 {
					heap.Push(&ready, r)
				}
			}
		}
	}
	close(work)
	wg.Wait()
}

// tunerAfter is the number of packages analysed from source after which
// the GC tuner starts (see run).
const tunerAfter = 8

// prioritise sets each node's priority: the number of files on the longest
// chain from the node to a package nothing imports.
func (g *graph) prioritise() {
	for i := len(g.nodes) - 1; i >= 0; i-- { // dependents before dependencies
		n := g.nodes[i]
		longest := 0
		for _, r := range n.rdeps {
			longest = max(longest, r.priority)
		}
		n.priority = longest + len(n.pkg.GoFiles) + 1
	}
}

// readyQueue is a max-heap of nodes by priority.
type readyQueue []*node

func (q readyQueue) Len() int           { return len(q) }
func (q readyQueue) Less(i, j int) bool { return q[i].priority > q[j].priority }
func (q readyQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *readyQueue) Push(x any)        { *q = append(*q, x.(*node)) }
func (q *readyQueue) Pop() any {
	old := *q
	n := old[len(old)-1]
	*q = old[:len(old)-1]
	return n
}

// findings returns the findings of the roots, each once (a file of a
// package and of its test variant is analysed twice).
func (g *graph) findings() []output.Finding {
	var all []output.Finding
	for _, n := range g.roots {
		all = append(all, n.findings...)
	}
	return output.Dedup(all)
}

// Types cross package boundaries as export data (see analyse), read back
// into one types.Package per node for the whole run, so that an object has
// one identity for every package that sees it. Export data is deep: a
// package's data declares what its API mentions of its dependencies too,
// in the (possibly still incomplete) packages of those dependencies, and
// lists them as the package's Imports(). A read writes only into packages
// that lack what it declares: the package read, and packages whose own
// data has not been read yet (a complete package already holds every
// object that another package's data can mention of it, since that data
// can reach it only through the package's API). Analyzers and
// type-checkers reach packages only through Imports(), from the packages
// typesOf returns (buildssa creates every package they lead to). So the
// invariant is:
//
//	when typesOf returns a package, every package its Imports() lead to,
//	transitively, is complete: its own data has been read.
//
// No read then writes into a package that a type-checker or an analyzer
// of another package can see (without it, bench's client-go run died with
// "concurrent map read and map write" in go/types.(*Scope).Lookup), and
// passes that look a type up in a package they reach (internal/apis finds
// sync's types so) find it whatever was read before. The packages
// completed are only those that the types of the packages analysed reach:
// after an edit of caddy's main package, a third of what reading every
// dependency costs; on client-go, whose APIs reach net/http, nearly all.
// The data of a dependency is read when a package that imports it is
// type-checked, when its facts are looked up, or when a package read
// mentions it.

// typesOf returns the canonical types of a done node, reading them from its
// export data the first time they are needed, then completing every
// package they reach (see above).
func (g *graph) typesOf(n *node) (*types.Package, error) {
	n.typesOnce.Do(func() {
		if n.types != nil {
			return
		}
		if n.pkg.PkgPath == "unsafe" {
			n.types = types.Unsafe
			return
		}
		// A read may declare objects in the packages of every node it
		// mentions: reads are serial.
		g.exportMu.Lock()
		n.types, n.typesErr = g.readExport(n)
		n.export = nil
		g.exportMu.Unlock()
		if n.types == nil {
			return
		}
		// Imports() are dependencies of n: the recursion ends, and no
		// two nodes wait for each other's typesOnce.
		for _, imp := range n.types.Imports() {
			if d := g.nodeOf(imp); d != nil && d != n {
				g.typesOf(d)
			}
		}
	})
	return n.types, n.typesErr
}

// shellOf returns the package that holds n's canonical types, empty until
// export data declares objects in it; g.exportMu is held.
func (g *graph) shellOf(n *node) *types.Package {
	if n.pkg.PkgPath == "unsafe" {
		return types.Unsafe
	}
	if n.shell == nil {
		g.mu.Lock()
		if n.fromSource != nil {
			// Its export data could not be written: dependents see the
			// types checked from source.
			n.shell = n.fromSource
		} else {
			n.shell = types.NewPackage(n.pkg.PkgPath, n.pkg.Name)
			g.byTypes[n.shell] = n
		}
		g.mu.Unlock()
	}
	return n.shell
}

// view returns the packages an export data reader may meet while reading
// n's data, by path: n's and those of its dependencies, transitively (a
// path names one package within that closure), then those of the packages
// cgo's output imports (see cgo.go) where the closure has no package of
// their path (in a test of syscall, syscall's test variant is the one);
// g.exportMu is held. A package that is not a test variant depends on none
// (go list makes variants only for what a test imports), so the paths of
// its closure name the same packages in the whole run: its view is
// g.plain, which holds every done package that is not a variant. Built
// for every read, the map cost a tenth of the CPU time of client-go's edit
// run, which reads 470 packages' data.
func (g *graph) view(n *node) map[string]*types.Package {
	if !isVariant(n) {
		return g.plain
	}
	m := make(map[string]*types.Package)
	for _, d := range closure(n) {
		if _, ok := m[d.pkg.PkgPath]; !ok {
			m[d.pkg.PkgPath] = g.shellOf(d)
		}
	}
	return m
}

// isVariant reports whether n is a test variant of a package, or a test
// (p [p.test], p_test [p.test]).
func isVariant(n *node) bool {
	return strings.Contains(n.pkg.ID, " [")
}

// addPlain adds n, now done, to g.plain unless it is a test variant. Its
// canonical package is now final (see shellOf), and no data read before
// can mention it, as only data of its dependents can.
func (g *graph) addPlain(n *node) {
	if isVariant(n) {
		return
	}
	g.exportMu.Lock()
	g.plain[n.pkg.PkgPath] = g.shellOf(n)
	g.exportMu.Unlock()
}

// closure returns n and its dependencies, transitively, those it imports
// before those cgo's output does (see view).
func closure(n *node) []*node {
	seen := make(map[*node]bool)
	var out, implicit []*node
	var visit func(d *node)
	visit = func(d *node) {
		if seen[d] {
			return
		}
		seen[d] = true
		out = append(out, d)
		for _, dd := range d.deps {
			visit(dd)
		}
		implicit = append(implicit, d.implicit...)
	}
	visit(n)
	for i := 0; i < len(implicit); i++ {
		visit(implicit[i])
	}
	return out
}

// implicitImport returns the node that path, imported by cgo's output for
// n, names: the package of that path among n's dependencies, else the
// run's (see cgo.go).
func implicitImport(n *node, path string) *node {
	for _, d := range closure(n) {
		if d.pkg.PkgPath == path {
			return d
		}
	}
	return nil
}

// nodeOf returns the node whose canonical types are pkg.
func (g *graph) nodeOf(pkg *types.Package) *node {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.byTypes[pkg]
}
