package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

// mode says what a tainted value means during a scan.
type mode int

const (
	// elemMode: tainted values are (derived from) the element of the
	// current iteration; anything they reach inside the loop happens once
	// per element, in map order.
	elemMode mode = iota
	// orderMode: tainted values hold several elements in map order (a slice
	// appended to in the loop, a builder written to); they matter if they
	// are observed before being sorted.
	orderMode
	// factMode: tainted values come from one parameter of a function; the
	// scan finds the sinks that make the fact for its callers.
	factMode
)

// A finding is one place where map order becomes observable.
type finding struct {
	pos      token.Pos
	verb     string // "printed by fmt.Println", "appended to out, which is returned unsorted"
	category string
	related  []related
	via      int        // factMode: 1 + the index of the parameter written into, or 0
	returned bool       // the order reaches a result of the function (a slice returned unsorted)
	complete bool       // verb already says the value is unsorted ("appended to out, which is returned unsorted")
	whole    bool       // factMode: the sink writes a whole file (os.WriteFile), so only an ordered value shows order there
	stream   bool       // the order reaches only a stream: bytes written or encoded to a writer that is not a global, or a []byte returned (roundtrip.go)
	items    types.Type // the element type of the slice the loop fills, when the finding follows one (roundtripitems.go)
	unseen   bool       // returned where no caller is in sight (a literal, a function used as a value, the depth bound): assumed shown, not seen shown
	bounded  bool       // unseen because the depth bound stopped the search
}

// observed is what a value carried on from the finding's sink shows: its
// verb, with "unsorted" unless the verb already says so.
func (f finding) observed() string {
	if f.complete {
		return f.verb
	}
	return f.verb + " unsorted"
}

type related struct {
	pos     token.Pos
	message string
}

// A funcInfo is the function a scan runs in.
type funcInfo struct {
	node ast.Node // *ast.FuncDecl or *ast.FuncLit
	body *ast.BlockStmt
	sig  *types.Signature
	obj  *types.Func // nil for a literal
}

// A scan follows values derived from seeds through a region of code and
// collects the findings. A scan never outlives one run of the pass.
type scan struct {
	c       *checker
	mode    mode
	fn      *funcInfo
	region  ast.Node       // elemMode: the loop body; otherwise the function
	loop    *ast.RangeStmt // elemMode: the loop, whose end starts order scans
	key     types.Object   // elemMode: the variable bound to the map's key, or nil
	start   token.Pos      // orderMode: code that ends before start is skipped
	tainted map[types.Object]bool
	calls   map[*ast.CallExpr]int // orderMode: calls whose result (index) carries map order
	depth   int                   // nesting of scans, bounded
	accExpr string                // orderMode: the slice the loop filled, as written (resp.Items)
	// testCaller: an orderMode scan of a test that calls the function
	// whose result carries the order; only comparisons in order are
	// sinks there (see sink).
	testCaller bool

	outerAssigned map[types.Object]bool        // elemMode: outer variables assigned in the loop
	holders       map[types.Object]bool        // orderMode: variables holding the ordered value in a field (s.v = keys)
	aliases       []fieldAlias                 // orderMode: paths of local variables that hold a tainted sequence (fields.go)
	mixed         map[types.Object]bool        // orderMode: local variables that carry order elsewhere than in aliases
	picked        map[types.Object]bool        // orderMode: local variables holding one element of the list at a constant index (picked.go)
	fieldOf       map[types.Object]*types.Var  // orderMode: the one field of a tainted struct variable that holds the order (fields.go)
	seqField      map[types.Object]bool        // orderMode: that field's own sequence is the order (not lists inside its elements)
	callField     map[*ast.CallExpr]*types.Var // orderMode: the same for the result of a call in calls
	pinned        map[types.Object]bool        // orderMode: start variables v for which a sort of the filled list from v on orders all of it (suffixsort.go)
	loopParam     *types.Var                   // orderMode: the map parameter of the function that the loop filling the list ranges over, or nil (oneentry.go)
	accs          []*accumulator
	findings      []finding
}

// An accumulator is an outer variable that collects elements in map order:
// a slice appended to, a builder written to.
type accumulator struct {
	obj  types.Object // nil when the target is not a local variable
	expr ast.Expr     // the target as written
	verb string       // "appended to", "written to"
	pos  token.Pos
}

// maxDepth bounds the nesting of scans (loops over order-carrying slices,
// callers of helpers that return one).
const maxDepth = 4

func (c *checker) newScan(m mode, fn *funcInfo, region ast.Node, depth int) *scan {
	return &scan{
		c: c, mode: m, fn: fn, region: region, depth: depth,
		tainted:       make(map[types.Object]bool),
		calls:         make(map[*ast.CallExpr]int),
		outerAssigned: make(map[types.Object]bool),
		holders:       make(map[types.Object]bool),
		mixed:         make(map[types.Object]bool),
		picked:        make(map[types.Object]bool),
		fieldOf:       make(map[types.Object]*types.Var),
		seqField:      make(map[types.Object]bool),
		callField:     make(map[*ast.CallExpr]*types.Var),
	}
}

// run scans the region: in elemMode and factMode, flow-insensitively (taint
// is propagated to a fixed point first, since a loop body runs many times);
// in orderMode, once in source order, so that a sort stops the taint for
// the code after it.
func (s *scan) run() {
	if s.mode == orderMode {
		s.walk(true)
		return
	}
	for range 8 {
		n := len(s.tainted)
		s.walk(false)
		if len(s.tainted) == n {
			break
		}
	}
	s.walk(true)
	if s.mode == elemMode {
		s.resolveAccumulators()
	}
}

func (s *scan) walk(report bool) {
	var stack []ast.Node
	root := s.region
	if fd, ok := root.(*ast.FuncDecl); ok {
		root = fd.Body
	} else if fl, ok := root.(*ast.FuncLit); ok {
		root = fl.Body
	}
	if root == nil {
		return
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if s.mode == orderMode && n.End() <= s.start {
			return false
		}
		if !s.visit(n, stack, report) {
			return false
		}
		stack = append(stack, n)
		return true
	})
}

// visit handles one node; it returns whether to descend into it.
func (s *scan) visit(n ast.Node, stack []ast.Node, report bool) bool {
	c := s.c
	switch n := n.(type) {
	case *ast.FuncLit:
		// A closure runs at a time of its own (deferred, in a goroutine,
		// as a callback); its effects are not attributed to the loop.
		return false

	case *ast.AssignStmt:
		s.assign(n, stack, report)

	case *ast.ForStmt:
		if s.mode == orderMode {
			s.exchangeSort(n)
		}

	case *ast.ValueSpec:
		for i, name := range n.Names {
			if len(n.Values) == len(n.Names) && s.taintedExpr(n.Values[i]) ||
				len(n.Values) == 1 && len(n.Names) > 1 && s.taintedExpr(n.Values[0]) && !s.otherResult(n.Values[0], i) {
				if obj := c.info.Defs[name]; obj != nil {
					s.tainted[obj] = true
				}
			}
		}

	case *ast.TypeSwitchStmt:
		if as, ok := n.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if ta, ok := as.Rhs[0].(*ast.TypeAssertExpr); ok && s.taintedExpr(ta.X) {
				for _, cl := range n.Body.List {
					if obj := c.info.Implicits[cl]; obj != nil {
						s.tainted[obj] = true
					}
				}
			}
		}

	case *ast.RangeStmt:
		if s.mode == orderMode && n.X.End() <= s.start {
			return true // the loop the scan started from, or one around it
		}
		if s.mode == orderMode {
			s.exchangeSort(n) // for i := range s { for j := ... swap }
		}
		if !s.taintedExpr(n.X) {
			return true
		}
		if s.mode == orderMode {
			// Ranging over an order-carrying value visits its elements in
			// map order: scan the body as a map loop over them.
			if report && s.depth < maxDepth {
				in := c.newScan(elemMode, s.fn, n.Body, s.depth+1)
				in.loop = n
				s.seedRange(in, n)
				in.run()
				s.findings = append(s.findings, in.findings...)
			}
			return true
		}
		if s.mode == factMode && maploop.Of(c.info, n) != nil {
			// A map parameter ranged over is a map loop of its own,
			// judged where it is; the fact is about values passed in.
			return true
		}
		s.seedRange(s, n)

	case *ast.SendStmt:
		s.send(n, report)

	case *ast.ReturnStmt:
		if report {
			s.ret(n)
		}

	case *ast.CallExpr:
		s.call(n, stack, report)
	}
	return true
}

// send handles a send statement: a finding when the value carries map
// order to a receiver that sees it in that order.
func (s *scan) send(n *ast.SendStmt, report bool) {
	c := s.c
	if !c.cfg.Strict {
		// Sends are a -strict sink: on modules nobody tuned on, none of
		// the map-ordered sends judged was real (see the package doc).
		return
	}
	if _, isLit := ast.Unparen(n.Value).(*ast.FuncLit); isLit {
		return // work sent to whoever runs it: a closure, not data
	}
	if c.orderFreeType(c.info.TypeOf(n.Chan)) || c.workerPool(s.fn, n.Chan) {
		return // a consumer that re-keys what it receives, or a pool of workers
	}
	// A send on the element's own channel (f.logs <- x) is a
	// broadcast: each receiver sees its own value.
	if report && s.taintedExpr(n.Value) && !(s.mode != orderMode && s.taintedExpr(n.Chan)) {
		s.find(n.Pos(), "sent on "+types.ExprString(n.Chan), "send")
	}
}

// seedRange taints the variables of rs, whose X is tainted, in scan in.
func (s *scan) seedRange(in *scan, rs *ast.RangeStmt) {
	t := s.c.info.TypeOf(rs.X)
	keyCarries := true
	if t != nil {
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Pointer, *types.Basic:
			keyCarries = false // an index, not an element
		}
	}
	for i, e := range []ast.Expr{rs.Key, rs.Value} {
		if e == nil || (i == 0 && !keyCarries && s.mode == orderMode) {
			continue
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			obj := s.c.info.Defs[id]
			if obj == nil {
				obj = s.c.info.Uses[id]
			}
			if obj != nil {
				in.tainted[obj] = true
			}
		}
	}
}

func (s *scan) find(pos token.Pos, verb, category string, rel ...related) {
	s.findings = append(s.findings, finding{pos: pos, verb: verb, category: category, related: rel})
}

// findVia is find for a sink that writes into the via-1'th parameter (0:
// not into a parameter), which facts record.
func (s *scan) findVia(pos token.Pos, verb, category string, via int) {
	s.findings = append(s.findings, finding{pos: pos, verb: verb, category: category, via: via})
}

// taintedExpr reports whether the value of e is derived from a tainted
// value.
func (s *scan) taintedExpr(e ast.Expr) bool {
	if e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if obj := s.c.info.Uses[n]; obj != nil && s.tainted[obj] {
				found = true
			}
		case *ast.CallExpr:
			found = s.taintedCall(n)
			return false
		case *ast.FuncLit:
			return s.mode != orderMode
		case *ast.CompositeLit:
			if s.mode == orderMode && !s.c.cfg.Strict {
				found = s.taintedLiteral(n)
				return false
			}
		case *ast.SelectorExpr:
			// A qualified identifier or a field: only the operand matters.
			if _, ok := s.c.info.Uses[identOf(n.X)].(*types.PkgName); ok {
				if obj := s.c.info.Uses[n.Sel]; obj != nil && s.tainted[obj] {
					found = true
				}
				return false
			}
			found = s.taintedExpr(n.X) && !s.otherField(n)
			return false
		}
		return true
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// taintedCall reports whether the result of call is derived from a tainted
// value. In orderMode only results that can hold a sequence carry the
// order (strings.Join(keys, ",") does, len(keys) and newSet(keys) do not),
// and a sorting call (slices.Sorted, or a function of the package that
// sorts its operand in place and returns it) removes it.
func (s *scan) taintedCall(call *ast.CallExpr) bool {
	if _, ok := s.calls[call]; ok {
		return true
	}
	info := s.c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && s.taintedExpr(call.Args[0])
	}
	if s.mode == orderMode {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "append":
				default:
					return false
				}
			}
		}
		if t := info.TypeOf(call); s.c.isSortedResult(call) || !carriesOrder(t) && (t == nil || !isReader(t)) {
			// A reader made of the data (bytes.NewReader(body)) yields
			// its bytes in their order: a request's body (sendSink).
			return false
		}
		if x, ok := s.c.isSortCall(call); ok && types.Identical(info.TypeOf(x), info.TypeOf(call)) {
			return false // sortByID(nodes) sorts nodes in place and returns it
		}
		if t := info.TypeOf(call); types.IsInterface(t) && implementsError(t) && !s.c.makesError(call) {
			return false // the error of a call that was given the data, not made of it
		}
	}
	// After the loop, an operand the callee's result does not see the
	// order of (blind.go: slices.Contains only, an any-reduction) passes
	// none of it on.
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	blind := func(i int) bool { return s.mode == orderMode && fn != nil && s.c.orderBlind(fn, i) }
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if _, isPkg := info.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			if s.taintedExpr(sel.X) && !blind(-1) {
				return true
			}
		}
	} else if s.mode != orderMode && s.taintedExpr(call.Fun) {
		return true
	}
	for i, a := range call.Args {
		if s.taintedExpr(a) && !blind(i) {
			return true
		}
	}
	return false
}

// root returns the variable at the root of an assignable expression (x in
// x, x.f, x[i], *x, x.f[i].g), and whether e is that variable itself. For
// a qualified identifier (pkg.V) it returns V.
func (s *scan) root(e ast.Expr) (types.Object, bool) {
	direct := true
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := s.c.info.Uses[x]
			if obj == nil {
				obj = s.c.info.Defs[x]
			}
			return obj, direct
		case *ast.SelectorExpr:
			if _, ok := s.c.info.Uses[identOf(x.X)].(*types.PkgName); ok {
				return s.c.info.Uses[x.Sel], direct
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil, false
		}
		direct = false
	}
}

// isLocal reports whether obj is a variable of the scanned region: declared
// in the loop body (elemMode) or in the function, parameters included
// (other modes). Other variables are outer: what the region does to them
// outlives it.
func (s *scan) isLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	r := s.region
	if s.mode != elemMode {
		r = s.fn.node
	}
	return r.Pos() <= v.Pos() && v.Pos() < r.End()
}

// isFuncLocal reports whether obj is a local variable or parameter of the
// scan's function.
func (s *scan) isFuncLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	return s.fn.node.Pos() <= v.Pos() && v.Pos() < s.fn.node.End()
}

// isParam reports whether obj is a parameter or receiver of the scan's
// function (so its contents belong to the caller).
func (s *scan) isParam(obj types.Object) bool {
	if s.fn.sig == nil {
		return false
	}
	for _, tup := range []*types.Tuple{s.fn.sig.Params()} {
		for v := range tup.Variables() {
			if v == obj {
				return true
			}
		}
	}
	return s.fn.sig.Recv() == obj
}
