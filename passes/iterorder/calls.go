package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// call handles a call in the region: propagation into a local receiver or
// &x argument, sorts (orderMode) and sinks. A sort clears the order of the
// variable itself, or of the slice the loop filled (sort.Strings(resp.Items));
// sorting another slice reached from it (the list its element was appended
// to) leaves the element's own order as it was.
func (s *scan) call(call *ast.CallExpr, stack []ast.Node, report bool) {
	c := s.c
	if s.mode == orderMode {
		if x, ok := c.isSortCall(call); ok && s.sortFollowed(x) {
			return
		}
	}
	anyTainted := false
	for _, a := range call.Args {
		if s.taintedExpr(a) {
			anyTainted = true
			break
		}
	}
	// copy(dst, src) and writes into a local receiver or &x carry the data
	// into that variable.
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "copy" && len(call.Args) == 2 && s.taintedExpr(call.Args[1]) {
			if obj, _ := s.root(call.Args[0]); obj != nil && s.isLocal(obj) {
				s.tainted[obj] = true
			} else if obj != nil && report && s.mode == elemMode && s.isFuncLocal(obj) && !s.throughMap(call.Args[0]) && !s.keyLookup(stack) {
				s.accumulate(obj, call.Args[0], "copied into", call.Pos())
			}
			return
		}
	}
	if !anyTainted {
		return // also a tainted receiver that is written (b.WriteTo(w)): not followed
	}
	sc := c.classifySink(call)
	dataTainted := false
	for _, a := range sc.data {
		if s.taintedExpr(a) {
			dataTainted = true
		}
	}
	if sc.kind != noSink && dataTainted {
		s.sink(call, sc, stack, report)
		return
	}
	// A method or function that writes an element into a local receiver
	// or &x. (After the loop, an ordered slice passed to a method is not
	// followed into the receiver: it is usually consumed, not kept.)
	if s.mode == orderMode {
		if report && sc.kind == noSink {
			s.factCall(call, report, false)
		}
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sc.kind == noSink {
		if _, isPkg := c.info.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			if obj, _ := s.root(sel.X); obj != nil && s.isLocal(obj) {
				s.tainted[obj] = true
			}
		}
	}
	for _, a := range call.Args {
		if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
			if obj, _ := s.root(u.X); obj != nil && s.isLocal(obj) {
				s.tainted[obj] = true
			}
		}
	}
	if report && sc.kind == noSink && s.mode != factMode {
		s.factCall(call, report, true)
	}
}

// sink handles a call that makes tainted data observable (sc): a finding,
// unless the destination belongs to the element or to this iteration, or
// the mode's policy leaves the sink out.
func (s *scan) sink(call *ast.CallExpr, sc sinkCall, stack []ast.Node, report bool) {
	if (sc.kind == compareSink) != s.testCaller {
		// A comparison in order is a sink in a test only: the test
		// fails when the order is not the one it wrote down. What else
		// a test does with a result (t.Errorf of the failure, a log)
		// reports, and shows it to no user.
		return
	}
	if sc.kind == compareSink && (s.c.comparedWithOne(sc.data) || s.oneElementOperands(call, sc.data, stack)) {
		// Equal to a list of one element, or an element of a list
		// asserted to hold one (lenguard.go): no other order is possible.
		return
	}
	// Under k == name the sink runs for one entry at most (keyguard.go):
	// followed, not reported.
	report = report && !s.keyLookup(stack)
	via := 0
	stream := false
	if sc.target != nil {
		dst := s.destination(sc.target, 0)
		obj, _ := s.root(stripAddr(dst))
		stream = (sc.kind == writeSink || sc.kind == encodeSink) && isStreamDest(obj)
		if sc.kind == writeSink && s.intoLocal(obj, dst, call.Pos(), report) {
			return
		}
		if sc.kind == hashSink && s.mode == elemMode && resetIn(s.c.info, s.region, sc.target) {
			return // h.Reset() in the loop: one hash per element
		}
		if obj != nil && s.isLocal(obj) && !s.isParam(obj) {
			// A hash or encoder of this iteration (or, in a helper,
			// of this call): its result is per element.
			s.tainted[obj] = true
			return
		}
		if s.mode != orderMode && s.taintedExpr(dst) {
			return // the element's own destination (c.conn.Write): a broadcast
		}
		via = s.paramIndex(obj) + 1
	}
	if s.mode == factMode && (sc.kind == printSink || sc.kind == logSink) {
		return // helpers that print or log are debugging aids, not results
	}
	if s.mode == factMode && sc.kind == writeSink && via == 0 {
		return // a helper writing to its own destination is a logger
	}
	if (sc.kind == fileSink || sc.kind == sendSink) && s.mode == elemMode {
		return // one whole file (or request) per element: the order is in none
	}
	if sc.kind == logSink && !s.c.cfg.Strict {
		return // log lines interleave anyway; their order is not a result
	}
	if report && !s.c.paths().Dead(call) && !s.c.paths().Failing(call) {
		s.findVia(call.Pos(), sinkVerb(sc), sinkCategory(sc.kind), via)
		s.findings[len(s.findings)-1].whole = sc.kind == fileSink || sc.kind == sendSink
		s.findings[len(s.findings)-1].stream = stream
	}
}

// destination returns where a write through target ends up: the writer
// that a constructor was given (json.NewEncoder(w), bufio.NewWriter(w),
// gob.NewEncoder(&buf)), directly or through a local variable it
// initialised, or target itself. An encoder held in a local variable is
// not a destination of its own: what it encodes reaches its writer.
func (s *scan) destination(target ast.Expr, depth int) ast.Expr {
	if depth > 3 {
		return target
	}
	e := ast.Unparen(stripAddr(target))
	if id, ok := e.(*ast.Ident); ok {
		obj, _ := s.c.info.Uses[id].(*types.Var)
		if obj == nil || !s.isFuncLocal(obj) || s.isParam(obj) {
			return target
		}
		init := s.c.initOf(obj, s.fn.body)
		if init == nil {
			return target
		}
		e = ast.Unparen(init)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return target
	}
	var w ast.Expr
	for _, a := range call.Args {
		if tv, ok := s.c.info.Types[a]; ok && tv.IsValue() && isWriter(tv.Type) {
			if w != nil {
				return target // two writers: which one is written is unknown
			}
			w = a
		}
	}
	if w == nil {
		return target
	}
	return s.destination(w, depth+1)
}

// intoLocal handles a write of tainted data into target (whose root is
// obj) when target is a variable of the scan: the data is followed in it
// (a builder filled in the loop body) or, for a builder declared before the
// loop, it becomes an accumulator. It reports whether it handled the write.
func (s *scan) intoLocal(obj types.Object, target ast.Expr, pos token.Pos, report bool) bool {
	if obj == nil || s.isParam(obj) {
		return false
	}
	if s.isLocal(obj) {
		s.tainted[obj] = true
		return true
	}
	if s.mode == elemMode && s.isFuncLocal(obj) && isBuilder(s.c.info.TypeOf(target)) {
		if report {
			s.accumulate(obj, stripAddr(target), "written to", pos)
		}
		return true
	}
	return false
}

// paramIndex returns the index of obj among the function's parameters, or
// -1.
func (s *scan) paramIndex(obj types.Object) int {
	if obj == nil || s.fn.sig == nil {
		return -1
	}
	for i := range s.fn.sig.Params().Len() {
		if s.fn.sig.Params().At(i) == obj {
			return i
		}
	}
	return -1
}

// factCall reports a call to a function whose fact says it makes a
// parameter observable, with a tainted argument for that parameter.
func (s *scan) factCall(call *ast.CallExpr, report, failing bool) {
	fn, _ := typeutil.Callee(s.c.info, call).(*types.Func)
	if fn == nil {
		return
	}
	if s.c.orderFreeFunc(fn) {
		return // a consumer that takes its arguments in any order
	}
	fact := s.c.sinkFact(fn.Origin())
	if fact == nil {
		return
	}
	// Asked only now, for a call of a helper that has a sink: on a
	// dependency the first path question builds the package's SSA.
	if s.c.paths().Dead(call) || failing && s.c.paths().Failing(call) {
		return // dead code, or (failing) on the way to a failure
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && s.mode != orderMode && s.taintedExpr(sel.X) {
		if _, isPkg := s.c.info.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			return // a method of the element itself (peer.Send(x)): a broadcast
		}
	}
	sig := fn.Type().(*types.Signature)
	for _, p := range fact.Params {
		for i, a := range call.Args {
			if i != p.Index && !(sig.Variadic() && p.Index == sig.Params().Len()-1 && i > p.Index) {
				continue
			}
			if !s.taintedExpr(a) || p.Whole && s.mode == elemMode {
				continue // Whole: one file per element shows no order
			}
			if f := s.heldIn(a); p.Field > 0 && f != nil && apis.FieldIndex(s.c.info.TypeOf(a), f) != p.Field-1 {
				continue // the order is in a field the helper does not use
			}
			if _, isLit := ast.Unparen(a).(*ast.FuncLit); isLit {
				// Work handed to a queue or a callback (q.Add(func() {...})):
				// a closure runs at a time of its own; what it does is judged
				// where it runs, not as data in map order.
				continue
			}
			stream := false
			if p.Via > 0 && p.Via-1 < len(call.Args) {
				// The helper writes into a writer we pass: judge the
				// writer as if we wrote to it here.
				target := call.Args[p.Via-1]
				obj, _ := s.root(stripAddr(target))
				if s.intoLocal(obj, target, call.Pos(), report) {
					return
				}
				// amqp091's writeTable hands the pairs it wrote to
				// writeLongstr(w, buf.String()), which writes them to w:
				// a stream when w is one, as if written here.
				stream = p.Stream && isStreamDest(obj)
			}
			s.find(call.Pos(), "passed to "+fn.Name()+", whose argument is "+p.What, "call")
			s.findings[len(s.findings)-1].stream = stream
			return
		}
	}
}

func sinkVerb(sc sinkCall) string {
	switch sc.kind {
	case printSink:
		return "printed by " + sc.name
	case writeSink:
		return "written to " + types.ExprString(stripAddr(sc.target))
	case logSink:
		return "logged by " + sc.name
	case encodeSink:
		return "encoded by " + sc.name
	case hashSink:
		return "written to hash " + types.ExprString(sc.target)
	case fileSink:
		return "written to a file by " + sc.name
	case sendSink:
		return "sent as a request body by " + sc.name
	case compareSink:
		return "compared by " + sc.name
	}
	return ""
}

func sinkCategory(k sinkKind) string {
	switch k {
	case printSink:
		return "print"
	case writeSink, fileSink:
		return "write"
	case logSink:
		return "log"
	case encodeSink:
		return "encode"
	case hashSink:
		return "hash"
	case compareSink:
		return "compare"
	case sendSink:
		return "send"
	}
	return ""
}

// sortFollowed handles a sort of x, after the loop: when it puts in order
// what the scan follows, the order is gone, and it reports true.
func (s *scan) sortFollowed(x ast.Expr) bool {
	c := s.c
	// A suffix after elements in map order (keys[1:]) is no sort of the
	// list: sx is nil (suffixsort.go).
	sx := s.wholeSorted(stripConv(c.info, x))
	if sx == nil {
		return false
	}
	obj, direct := s.root(sx)
	switch {
	case obj != nil && s.tainted[obj] && (direct || types.ExprString(sx) == s.accExpr):
		delete(s.tainted, obj) // see call's doc: the variable, or the slice filled
	case s.sortsAlias(sx):
		// slices.SortFunc(hs.kvs, ...) after hs.kvs = kvs sorts kvs
	case obj != nil && s.tainted[obj] && s.seqField[obj] && s.fieldOf[obj] != nil && directField(c.info, sx, obj) == s.fieldOf[obj]:
		delete(s.tainted, obj) // the one field whose sequence is the order (r.Names), sorted
	case obj != nil && s.holders[obj]:
		// sort.Sort(s) after s.v = keys sorts keys in place.
		clear(s.tainted)
	default:
		return false
	}
	return true
}

func stripAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// stripConv removes conversions, & and parentheses around e, so that
// sort.Sort(byName(list)) sorts list; and a struct literal that holds
// only a slice, whose backing array it shares: sort.Sort(ByName{list})
// sorts list too.
func stripConv(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = stripAddr(e)
		if lit, ok := e.(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
			if _, ok := typeOf(info, lit).Underlying().(*types.Struct); ok {
				x := lit.Elts[0]
				if kv, ok := x.(*ast.KeyValueExpr); ok {
					x = kv.Value
				}
				if _, ok := typeOf(info, x).Underlying().(*types.Slice); ok {
					e = x
					continue
				}
			}
		}
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = call.Args[0]
			continue
		}
		// sort.Sort(sort.Reverse(x)): a SortView row of internal/apis.
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil {
			if r, ok := apis.Find(fn.Origin(), apis.SortView); ok && r.Arg == 0 {
				e = call.Args[0]
				continue
			}
		}
		return e
	}
}

// resetIn reports whether region starts target anew (h.Reset(): a Clear
// row of internal/apis, or the hash.Hash contract's Reset).
func resetIn(info *types.Info, region ast.Node, target ast.Expr) bool {
	name := types.ExprString(stripAddr(target))
	found := false
	ast.Inspect(region, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn == nil || types.ExprString(sel.X) != name {
			return !found
		}
		if _, ok := apis.Find(fn.Origin(), apis.Clear); ok {
			found = true
		} else if _, ok := apis.Contract(fn, apis.Clear); ok {
			found = true
		}
		return !found
	})
	return found
}

// throughMap reports whether e reaches its variable through a map element
// (params[k]): filling another map is order-free.
func (s *scan) throughMap(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			if _, ok := typeOf(s.c.info, x.X).Underlying().(*types.Map); ok {
				return true
			}
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return false
		}
	}
}

// comparedWithOne reports whether one of the compared operands is a
// slice literal of at most one element ([]string{"common"},
// []Rule{rule}): a list equal to it has no second element to come first.
func (c *checker) comparedWithOne(operands []ast.Expr) bool {
	for _, e := range operands {
		lit, ok := ast.Unparen(e).(*ast.CompositeLit)
		if !ok {
			continue
		}
		if _, isSlice := c.info.TypeOf(lit).Underlying().(*types.Slice); isSlice && len(lit.Elts) <= 1 {
			return true
		}
	}
	return false
}
