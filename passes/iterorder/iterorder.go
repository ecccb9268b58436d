// The design, in brief. For every range statement that visits a map in map
// order (maploop.Of: range m, maps.Keys/Values/All(m)), the body is scanned
// with the loop's key and value as tainted sources; taint follows local
// variables, expressions and calls. What the taint reaches decides:
//
//	fmt.Println(k), w.Write(...), enc.Encode(v)   print/write/encode: reported
//	ch <- k                                     send: reported
//	return k                                    reported unless under k == x
//	s += k (string), f += v (float)             reported
//	n += v (int), ok = ok || v.bad, set[k] = v  order-free: silent
//	x = v                                       reported if x is read later,
//	                                            unless under v == x or v > x
//	out = append(out, k), b.WriteString(k)      out/b is followed after the
//	                                            loop (orderMode): reported if
//	                                            returned, stored, written, sent
//	                                            or ranged into a sink before a
//	                                            sort
//
// Returning the slice from an unexported function moves the question to its
// callers, all visible in the package. Each function also gets a SinkFact
// for the parameters it writes/prints/sends, so that a call in a map loop
// is judged like the sink it hides, across packages.
//
// The flows that need the body's control flow — a map built first-wins,
// entries numbered in map order, a maximum kept without a tie-break, with
// the guards learnt from If edges and constant conditions as dead code —
// come from the orderflow helper analyzer, on SSA (flows.go turns them
// into findings). The scan below is still on syntax; moving it onto
// orderflow is the rest of that work.
//
// Why the scan is on syntax and types: the range body is the unit being
// judged and the unit the fix rewrites; a range over maps.Keys(m) is the
// same statement in syntax but a synthetic yield closure in SSA; and the
// messages name variables as the user wrote them. Taint over the typed
// syntax tree, with a fixed point for the loop body (which runs many
// times), gives the data flow this pass needs.
package iterorder

import (
	_ "embed"
	"go/ast"
	godoc "go/doc"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisdoc"
	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/factsonly"
	"github.com/maplint/maplint/internal/orderflow"
	"github.com/maplint/maplint/internal/report"
	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

//go:embed doc.go
var doc string

// Config is the configuration of one instance of the pass. Its zero value
// is the default.
type Config struct {
	// NoFix turns off the suggested fix (range over sorted keys).
	NoFix bool
	// Strict also reports the sinks that were mostly deliberate or
	// harmless on real code (see the package doc): logging, slices stored
	// in fields or globals, floating-point sums, keeping an arbitrary
	// element (x = k; break), returning on a match several entries can
	// meet, and sends on channels. Use it for code that must be reproducible
	// byte for byte (consensus, build outputs).
	Strict bool
	// OrderFree lists, comma-separated, the types and functions of other
	// libraries that consume what they are given in any order, as
	// "path.Type", "path.Func" or "path.Type.Method" (see the package doc:
	// Prometheus's target groups are the example). Values of such a type,
	// or slices, pointers and channels of them, and arguments of such a
	// function, are not followed.
	OrderFree string
}

// Analyzer is the pass with its default configuration.
var Analyzer = New()

// New returns a new instance with its own configuration, set through its
// Flags.
func New() *analysis.Analyzer {
	cfg := new(Config)
	a := &analysis.Analyzer{
		Name:      "iterorder",
		Doc:       analysisdoc.MustExtract(doc, "iterorder"),
		URL:       "https://pkg.go.dev/github.com/maplint/maplint/passes/iterorder",
		Requires:  []*analysis.Analyzer{gate, inspect.Analyzer, directive.Analyzer, orderflow.Analyzer, buildssa.Analyzer, factsonly.Analyzer, ctrlflow.Analyzer},
		Run:       cfg.run,
		FactTypes: []analysis.Fact{new(SinkFact), new(IterFact), new(MatchFact), new(RandomFact), new(SortFact), new(SortedResultFact), new(OrderedResultFact), new(ShownResultFact)},
	}
	a.Flags.BoolVar(&cfg.NoFix, "nofix", false, "do not suggest ranging over sorted keys")
	a.Flags.BoolVar(&cfg.Strict, "strict", false, "also report logging, stores into fields, floating-point sums, arbitrary picks, first matches and sends")
	a.Flags.StringVar(&cfg.OrderFree, "orderfree", "", "comma-separated types and functions (path.Type, path.Func, path.Type.Method) that consume items in any order")
	return a
}

// A checker holds the state of one run of the pass over one package.
type checker struct {
	pass  *analysis.Pass
	cfg   *Config
	info  *types.Info
	facts map[*types.Func]*SinkFact
	// deferred holds the functions whose fact computeFacts leaves until
	// a scan reads it (on a package analysed only for its facts)
	deferred map[*types.Func]funcDecl
	iters    map[*types.Func]bool // adaptors of this package (IterFact)

	matches map[*types.Func]*MatchFact // predicates of this package
	randoms map[*types.Func]bool       // functions of this package returning random values (RandomFact)

	sorted    map[*types.TypeName]bool // built on demand by sortedTypes
	sorterFns map[*types.Func]int      // built on demand by sorters
	sortedFns map[*types.Func]bool     // built on demand by sortedResults
	blind     map[blindKey]bool        // built on demand by orderBlind
	errMade   map[*types.Func]bool     // built on demand by errorMadeOf

	// built on demand by indexCalls
	refs         map[*types.Func][]*ast.Ident
	calleeIdents map[*ast.Ident]*ast.CallExpr
	ins          *inspector.Inspector

	orderFree map[string]bool // Config.OrderFree, parsed

	ordered map[*types.Func]*OrderedResultFact // exported functions returning map order no caller here shows (OrderedResultFact)

	methodFacts map[string][]orderedCallee // built on demand by orderedMethods
	shown       []shownMethod              // built on demand by shownMethods
	// hypothetical is set while shownAt scans what a caller does with an
	// interface's result, which is not known to carry map order: what
	// the scan finds returned must not become an OrderedResultFact.
	hypothetical bool
	// following holds the functions whose returned order returned() is
	// judging, innermost last: a caller among them is a recursion.
	following []*types.Func

	decls []funcDecl // the package's function declarations with a body

	ssa      *buildssa.SSA
	cfgs     *ctrlflow.CFGs        // which functions never return (paths)
	path     *orderflow.Paths      // built on demand by paths
	restored map[types.Object]bool // built on demand by restoredMap (roundtrip.go)
	// built on demand by restoredItems (roundtripitems.go)
	restoredTypes map[*types.TypeName]bool

	// built on demand by example (examples.go): go/doc's examples of the
	// package's test files, by declaration
	examples   map[*ast.FuncDecl]*godoc.Example
	examplesOf map[*ast.File]bool

	// factReads records, while computeFacts scans a function, the facts
	// of the package its scans read (see sinkFact); nil otherwise.
	factReads map[*types.Func]*SinkFact
}

func (cfg *Config) run(pass *analysis.Pass) (any, error) {
	r := report.New(pass)
	c := &checker{
		pass:  pass,
		cfg:   cfg,
		info:  pass.TypesInfo,
		facts: make(map[*types.Func]*SinkFact),
		iters: make(map[*types.Func]bool),

		matches: make(map[*types.Func]*MatchFact),
		randoms: make(map[*types.Func]bool),
		ins:     pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),

		orderFree: apis.ParseNames(cfg.OrderFree),
		decls:     funcDecls(pass),
		ordered:   make(map[*types.Func]*OrderedResultFact),
		ssa:       pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA),
		cfgs:      pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs),
	}
	c.computeMatchFacts()
	c.computeRandomFacts()
	c.exportSorters()
	c.exportSortedResults()
	c.computeFacts()
	c.computeIterFacts()
	fixer := newFixer(pass)
	// On a dependency only the facts are wanted: the loops are still
	// scanned, for the ordered results they return (OrderedResultFact).
	factsOnly := factsonly.Of(pass)
	flows := pass.ResultOf[orderflow.Analyzer].(*orderflow.Result) // nil when factsOnly (see gate)
	for cur := range c.ins.Root().Preorder((*ast.RangeStmt)(nil)) {
		rs := cur.Node().(*ast.RangeStmt)
		loop := maploop.Of(c.info, rs)
		if loop == nil {
			loop = c.adaptorLoop(rs)
		}
		if loop == nil || loop.Key == nil && loop.Value == nil {
			continue
		}
		fn := c.enclosingFuncCursor(cur)
		if fn == nil || !c.inScope(cur, fn) || c.oneEntryParam(loop.Map, fn) {
			continue
		}
		if !cfg.Strict && c.drawsRandom(rs.Body) {
			continue
		}
		sc := c.newScan(elemMode, fn, rs.Body, 0)
		sc.loop, sc.key = rs, loop.Key
		for _, obj := range []types.Object{loop.Key, loop.Value} {
			if obj != nil {
				sc.tainted[obj] = true
			}
		}
		sc.run() // marks the ordered results (OrderedResultFact)
		if factsOnly {
			continue
		}
		sc.findings = c.dropRoundTrips(loop.Map, sc.findings)
		if _, unordered := c.example(cur); unordered {
			sc.findings = dropUnorderedLines(rs, sc.findings)
		}
		sc.findings = append(sc.findings, flowFindings(flows.At(rs.For))...)
		if len(sc.findings) == 0 || onlyReturned(sc.findings) && c.isCollectionAccessor(loop, fn) {
			continue
		}
		d := c.diagnostic(rs, loop, sc.findings)
		if !cfg.NoFix {
			fixer.attach(&d, cur, loop)
		}
		r.Report(d)
	}
	// Not skipped on a dependency: its scans of the callers mark the
	// results that carry an imported order on (OrderedResultFact).
	c.reportImportedOrder(r.Report)
	c.exportOrderedResults()
	c.exportShownResults()
	c.exportShownFuncTypes()
	return nil, nil
}

// diagnostic reports the loop rs: its message names the first of its
// findings in source order, and each finding is a related line.
func (c *checker) diagnostic(rs *ast.RangeStmt, loop *maploop.Loop, findings []finding) analysis.Diagnostic {
	slices.SortStableFunc(findings, func(a, b finding) int { return int(a.pos - b.pos) })
	first := findings[0]
	d := analysis.Diagnostic{
		Pos:      rs.For,
		End:      rs.X.End(),
		Category: first.category,
		Message:  "result depends on map iteration order: " + c.label(loop) + " " + first.verb,
	}
	for _, f := range findings {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.pos, Message: "map order reaches this: " + f.verb})
		for _, rel := range f.related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: rel.pos, Message: rel.message})
		}
	}
	return d
}

// label names what the loop visits, for the message: "keys" when the body
// uses the key, "values" when it uses only the value.
func (c *checker) label(loop *maploop.Loop) string {
	if loop.Key != nil && c.usedIn(loop.Key, loop.Range.Body) {
		return "keys"
	}
	return "values"
}

func (c *checker) usedIn(obj types.Object, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// inScope reports whether the loop at cur is in code whose output is a
// result: outside test files, only the Example functions go test runs
// (whose output it compares; see example) are. Tests that pick any element of a map, or report failures
// per entry, do not depend on which comes first. A test helper outside
// test files (a function given a test handle, see testHelper) is test code
// too.
func (c *checker) inScope(cur inspector.Cursor, fn *funcInfo) bool {
	if !strings.HasSuffix(c.pass.Fset.File(cur.Node().Pos()).Name(), "_test.go") {
		return !c.testHelper(cur)
	}
	run, _ := c.example(cur)
	return run
}

// enclosingFuncCursor returns the innermost function around cur.
func (c *checker) enclosingFuncCursor(cur inspector.Cursor) *funcInfo {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return nil
			}
			return c.funcInfoOf(n)
		case *ast.FuncLit:
			sig, _ := c.info.TypeOf(n).(*types.Signature)
			return &funcInfo{node: n, body: n.Body, sig: sig}
		}
	}
	return nil
}

func (c *checker) funcInfoOf(fd *ast.FuncDecl) *funcInfo {
	obj, _ := c.info.Defs[fd.Name].(*types.Func)
	fi := &funcInfo{node: fd, body: fd.Body, obj: obj}
	if obj != nil {
		fi.sig, _ = obj.Type().(*types.Signature)
	}
	return fi
}

// isCollectionAccessor reports whether the loop is the whole work of a
// method that lists its own map-backed collection (Store.List, Heap.ListKeys,
// AddressMap.Values): it ranges over a map reached from the receiver and
// its body only appends to a slice. A collection kept in a map has no
// order, and its users know it; they sort what they need sorted.
func (c *checker) isCollectionAccessor(loop *maploop.Loop, fn *funcInfo) bool {
	fd, ok := fn.node.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || loop.Map == nil {
		return false
	}
	if fn.sig != nil {
		for v := range fn.sig.Results().Variables() {
			if isKind(v.Type(), types.IsString) || isByteSlice(v.Type()) {
				return false // text made of the items is output, not a listing
			}
		}
	}
	recv := c.info.Defs[fd.Recv.List[0].Names[0]]
	if recv == nil || !c.rootedAt(loop.Map, recv, fd.Body) {
		return false
	}
	return c.onlyAppends(loop.Range.Body)
}

// rootedAt reports whether e is reached from recv: recv.f, recv.f[k], or a
// local variable initialised from one (index := i.indices[name]).
func (c *checker) rootedAt(e ast.Expr, recv types.Object, body *ast.BlockStmt) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := c.info.Uses[x]
			if obj == recv {
				return true
			}
			// One step through a local variable, then no further.
			init := c.initOf(obj, body)
			return init != nil && c.rootedAt(init, recv, nil)
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			// A method of the receiver's state (c.index.keysOf(name)):
			// its result is part of the collection.
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			if _, isPkg := c.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
}

// initOf returns the expression that a local variable is defined with in
// body (v := expr), or nil.
func (c *checker) initOf(obj types.Object, body *ast.BlockStmt) ast.Expr {
	if body == nil || obj == nil {
		return nil
	}
	var init ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || init != nil || len(as.Lhs) != len(as.Rhs) && len(as.Rhs) != 1 {
			return init == nil
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && c.info.Defs[id] == obj {
				if len(as.Rhs) == 1 {
					init = as.Rhs[0] // set, err := c.keys(name)
				} else {
					init = as.Rhs[i]
				}
			}
		}
		return init == nil
	})
	return init
}

// onlyAppends reports whether body does nothing but append to slices,
// possibly in nested loops: a plain listing.
func (c *checker) onlyAppends(body *ast.BlockStmt) bool {
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Rhs) != 1 {
				return false
			}
			call, ok := ast.Unparen(st.Rhs[0]).(*ast.CallExpr)
			if !ok {
				return false
			}
			if b, ok := c.info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
				return false
			}
		case *ast.RangeStmt:
			if !c.onlyAppends(st.Body) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onlyReturned reports whether every finding is a slice returned unsorted.
func onlyReturned(fs []finding) bool {
	for _, f := range fs {
		if !f.returned {
			return false
		}
	}
	return true
}
