package iterorder

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// ret handles a return statement. Inside a map loop, returning an element
// returns whichever matching element the randomised order visits first;
// after the loop, returning an order-carrying value hands the order to the
// callers.
func (s *scan) ret(r *ast.ReturnStmt) {
	if s.mode == factMode || s.fn.sig == nil {
		return
	}
	results := s.fn.sig.Results()
	idx := -1
	if len(r.Results) == 0 {
		for i := range results.Len() {
			if s.tainted[results.At(i)] {
				idx = i
				break
			}
		}
	}
	for i, e := range r.Results {
		if !s.taintedExpr(e) {
			continue
		}
		if i < results.Len() && s.mode == elemMode && (implementsError(results.At(i).Type()) || isKind(results.At(i).Type(), types.IsBoolean)) {
			continue // which error (or flag) comes first is not treated as a result
		}
		if i < results.Len() && isErrorSlice(results.At(i).Type()) {
			continue // a list of errors: the caller decides how to show them
		}
		if s.mode == elemMode && s.c.isMessage(e) {
			continue // an error message about the first bad entry: as for errors
		}
		if len(r.Results) == 1 && results.Len() > 1 {
			if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
				if j, ok := s.calls[call]; ok {
					idx = j
					break
				}
			}
		}
		idx = i
		break
	}
	if idx < 0 {
		return
	}
	switch s.mode {
	case elemMode:
		if !s.c.cfg.Strict {
			// Returning one entry is a -strict sink. With no condition
			// (for k := range m { return k }) it picks any one, nearly
			// always what the code means; under a condition, on real code
			// the condition was almost always met by one entry only, by
			// the data (see the package doc for the numbers).
			return
		}
		if s.uniqueGuard(r) || s.c.paths().Failing(r) {
			// A lookup; or what the loop had when an entry failed, returned
			// with the error: which entry fails first is, like the error
			// itself, not treated as a result.
			return
		}
		if len(s.guards(r)) == 0 {
			s.find(r.Pos(), "returned from the first iteration", "first")
		} else {
			s.find(r.Pos(), "returned on the first match, which need not be unique", "first")
		}
	case orderMode:
		if s.failureNamesOne(r, idx) {
			return // the first failure, named by one element (picked.go)
		}
		var field *types.Var
		seq := false
		if idx < len(r.Results) {
			field = s.heldIn(r.Results[idx])
			seq = s.seqHeld(r.Results[idx])
		}
		if f := s.c.returned(s.fn, idx, r, s.depth, field, seq, s.loopParam); f != nil {
			s.findings = append(s.findings, *f)
		}
	}
}

// isMessage reports whether e formats a message (fmt.Sprintf, fmt.Errorf,
// errors.New): returned from a map loop, it describes the first entry
// that failed a check, like an error.
func (c *checker) isMessage(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if _, ok := apis.Find(fn.Origin(), apis.Message); ok {
		return true
	}
	// A wrapper of an error (ErrPostings(err)).
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && isError(t) {
			return true
		}
	}
	return false
}

// makesError reports whether call builds an error out of its arguments: a
// Message row of internal/apis (fmt.Errorf, errors.New, errors.Join), a
// function of the package that makes its error of a list it is given
// (errorMadeOf), or a function given errors ([]error, or an error) to
// make one of them.
func (c *checker) makesError(call *ast.CallExpr) bool {
	if fn, _ := typeutil.Callee(c.info, call).(*types.Func); fn != nil {
		if _, ok := apis.Find(fn.Origin(), apis.Message); ok || c.errorMadeOf(fn) {
			return true
		}
	}
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && (implementsError(t) || isErrorSlice(t)) {
			return true
		}
	}
	return false
}

// returned decides whether a value that carries map order, returned as
// result idx of fn at r, is observed: always when fn is exported, a
// literal or used as a value; for an unexported function called only
// directly, when one of its callers (all in this package) observes it
// before sorting it.
//
// field is the one field of a struct result that holds the order (nil:
// unknown, or not a struct), and seq whether that field's own sequence is
// the order (OrderedResultFact carries only such a field). loopParam is
// the map parameter of fn the loop that made the order ranges over, or
// nil: a call that passes a map of at most one entry there gets a list in
// the only order there is (oneEntryAt).
func (c *checker) returned(fn *funcInfo, idx int, r *ast.ReturnStmt, depth int, field *types.Var, seq bool, loopParam *types.Var) *finding {
	f := &finding{pos: r.Pos(), verb: "returned", category: "append", returned: true}
	if shown, silent := c.throughInterface(fn, idx, field, f); shown || silent {
		if shown {
			return f
		}
		return nil
	}
	isText := true
	if fn.sig != nil && idx < fn.sig.Results().Len() {
		t := fn.sig.Results().At(idx).Type()
		if c.sortedDownstream(t) || c.orderFreeType(t) {
			return nil
		}
		isText = isKind(t, types.IsString) || isByteSlice(t)
		f.stream = isByteSlice(t) // an encoding, unless a caller shows it (below)
	}
	if c.orderFreeResult(fn, idx, r) {
		return nil // handed to a package that sorts it (callbacks.go)
	}
	if !isText && fn.obj != nil && fn.obj.Exported() && c.isInternal() {
		// Data (a list, a struct holding one) returned by a function that
		// only the module calls, from packages this run cannot see: like
		// an unexported function, it is for its callers to observe the
		// order, and they are not visible here. Text, a string or []byte,
		// is output in itself.
		return nil
	}
	if fn.obj == nil {
		if shown, decided := c.literalHandedOut(fn, idx, field, f); decided {
			if shown {
				return f
			}
			return nil
		}
	}
	if fn.obj == nil || depth >= maxDepth {
		f.unseen = true
		f.bounded = fn.obj != nil
		return f
	}
	exported := fn.obj.Exported()
	if exported && (isText || fn.sig != nil && idx < fn.sig.Results().Len() && implementsError(fn.sig.Results().At(idx).Type())) {
		return f // text, or an error, is output in itself
	}
	calls, escapes := c.callers(fn.obj)
	if escapes && !exported {
		f.unseen = true
		return f
	}
	if c.someCallerObserves(fn, r, calls, idx, field, depth, f, loopParam) {
		return f
	}
	if exported && !c.cfg.Strict {
		if fn.sig != nil && idx < fn.sig.Results().Len() {
			if !seq {
				field = nil
			}
			c.carryResult(fn.obj, idx, field)
		}
		return nil
	}
	if exported {
		// Data (a list, a struct holding one) that no caller in sight
		// shows: its consumers are elsewhere, and on code nobody had
		// tuned on most of them used it as a set (completion candidates,
		// search results ranked later, records applied one by one).
		return f
	}
	return nil
}

// someCallerObserves reports whether a caller of fn, at one of calls,
// observes the order of its result idx returned by r, and if so records
// on f what it does with it (or that the caller cannot be found).
func (c *checker) someCallerObserves(fn *funcInfo, r *ast.ReturnStmt, calls []*ast.CallExpr, idx int, field *types.Var, depth int, f *finding, loopParam *types.Var) bool {
	c.following = append(c.following, fn.obj.Origin())
	defer func() { c.following = c.following[:len(c.following)-1] }()
	for _, call := range calls {
		if c.unreachedBy(fn, r, call) {
			continue // its constant arguments take another return
		}
		if i := paramIndex(fn.sig, loopParam); i >= 0 && i < len(call.Args) && c.oneEntryAt(call.Args[i]) {
			continue // a map of at most one entry: a list in the only order there is
		}
		first, ok := c.callerObserves(call, idx, field, depth)
		if !ok {
			return true
		}
		if first != nil {
			f.stream = f.stream && first.stream
			f.related = append([]related{{first.pos, "the caller's result is " + first.verb + " unsorted here"}}, first.related...)
			f.unseen, f.bounded = first.unseen, first.bounded
			return true
		}
	}
	return false
}

// callerObserves scans the caller of fn at call, whose result idx (its
// field, when not nil) carries map order, and returns the first finding
// of the scan, with stream set when every finding reaches only a stream;
// nil when the caller observes nothing. ok is false when the caller
// cannot be found.
func (c *checker) callerObserves(call *ast.CallExpr, idx int, field *types.Var, depth int) (first *finding, ok bool) {
	cur, ok := c.ins.Root().FindNode(call)
	if !ok {
		return nil, false
	}
	caller := c.enclosingFuncCursor(cur)
	if caller == nil {
		return nil, false
	}
	os := c.newScan(orderMode, caller, caller.node, depth+1)
	// A test that calls fn shows its result to no one (inScope), as for
	// the callers that propagate.go and shown.go follow; but a test that
	// compares it in order with a fixed list (reflect.DeepEqual, testify's
	// Equal: the SameOrder rows) fails at random, a flaky test.
	os.testCaller = !c.inScope(cur, caller)
	os.start = call.Pos()
	os.calls[call] = idx
	if field != nil {
		os.callField[call] = field // the order is in this field of the result
	}
	os.run()
	if caller.obj != nil && slices.Contains(c.following, caller.obj.Origin()) {
		// A recursive call (fn calling itself, or a function whose
		// result is being followed back to fn: joinSync calling
		// retryJoinSync calling joinSync) whose result the caller
		// returns hands it back to callers this search judges anyway:
		// following it again would only spend the depth bound and call
		// that observed.
		os.findings = slices.DeleteFunc(os.findings, func(f finding) bool { return f.returned })
	}
	if os.testCaller {
		os.findings = slices.DeleteFunc(os.findings, func(f finding) bool { return f.category != "compare" })
	}
	if len(os.findings) == 0 {
		return nil, true
	}
	first = &os.findings[0]
	first.stream = allStream(os.findings)
	return first, true
}

// throughInterface decides a result of fn, a method that implements an
// interface of another package: shown when that interface's package shows
// it (ShownResultFact; the related information on f says so), silent when
// it is a list the interface's contract decides on (implementsForeign).
func (c *checker) throughInterface(fn *funcInfo, idx int, field *types.Var, f *finding) (shown, silent bool) {
	if fn.obj == nil {
		return false, false
	}
	if m := c.shownThrough(fn.obj, idx, field); m != nil {
		f.related = append(f.related, related{m.Pos(), "returned through " + c.funcName(m) + ", whose caller in package " + m.Pkg().Name() + " shows it"})
		return true, false
	}
	return false, c.implementsForeign(fn.obj)
}

// carryResult gives fn, whose result idx carries map order that no caller
// in the package shows, an OrderedResultFact when the order can be
// followed in other packages: the result is a list, or a struct whose one
// field field holds a list (or text). A value built from a map's entries
// in another way (a key parsed from its fields, a struct whose ordered
// field is not known) is not followed there.
func (c *checker) carryResult(fn *types.Func, idx int, field *types.Var) {
	t := fn.Type().(*types.Signature).Results().At(idx).Type()
	if isSlice(t) {
		c.markOrderedResult(fn, idx, nil)
		return
	}
	if field != nil && apis.StructOf(t) != nil && apis.FieldIndex(t, field) >= 0 && carriesOrder(field.Type()) && !implementsError(field.Type()) {
		c.markOrderedResult(fn, idx, field)
	}
}

// callers returns the calls of fn in this package, in source order, and
// whether fn is also used as a value (so that some callers are not seen).
func (c *checker) callers(fn *types.Func) ([]*ast.CallExpr, bool) {
	c.indexCalls()
	var calls []*ast.CallExpr
	for _, id := range c.refs[fn] {
		call, ok := c.calleeIdents[id]
		if !ok {
			return nil, true
		}
		calls = append(calls, call)
	}
	slices.SortFunc(calls, func(a, b *ast.CallExpr) int { return int(a.Pos() - b.Pos()) })
	return calls, false
}

// indexCalls records, once per run, every reference to a function of the
// package and the identifiers that are the callee of a call.
func (c *checker) indexCalls() {
	if c.refs != nil {
		return
	}
	c.refs = make(map[*types.Func][]*ast.Ident)
	c.calleeIdents = make(map[*ast.Ident]*ast.CallExpr)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.Ident:
					c.calleeIdents[fun] = n
				case *ast.SelectorExpr:
					c.calleeIdents[fun.Sel] = n
				case *ast.IndexExpr: // f[T](x)
					if id := identOf(fun.X); id != nil {
						c.calleeIdents[id] = n
					}
				}
			case *ast.Ident:
				if fn, ok := c.info.Uses[n].(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
					fn = fn.Origin()
					c.refs[fn] = append(c.refs[fn], n)
				}
			}
			return true
		})
	}
}

// implementsForeign reports whether method fn returns a slice and
// implements a method of an interface declared in a package this one
// imports (a propagation carrier's Keys, a plugin's Names): that
// interface's contract, which the pass cannot read, says whether the order
// of the items matters.
func (c *checker) implementsForeign(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	// Only for a list of items (Keys() []string): a String, Error or
	// MarshalJSON method returns its output, whatever interface it meets.
	if sig.Results().Len() != 1 || isByteSlice(sig.Results().At(0).Type()) {
		return false
	}
	if _, ok := sig.Results().At(0).Type().Underlying().(*types.Slice); !ok {
		return false
	}
	recv := sig.Recv().Type()
	for _, imp := range c.pass.Pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || iface.NumMethods() == 0 {
				continue
			}
			has := false
			for m := range iface.Methods() {
				if m.Name() == fn.Name() {
					has = true
				}
			}
			if has && (types.Implements(recv, iface) || types.Implements(types.NewPointer(recv), iface)) {
				return true
			}
		}
	}
	return false
}

// isErrorSlice reports whether t is []error (or a slice of a type that
// implements error, []ValidationError): errors collected per entry,
// whose order, like which error comes first, is not treated as a result.
func isErrorSlice(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	return ok && implementsError(sl.Elem()) // error itself included
}

// isSlice reports whether t is a slice, other than text ([]byte).
func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok && !isByteSlice(t)
}
