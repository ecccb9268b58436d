package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
)

// assign handles an assignment: it propagates taint into local variables
// and, for outer targets, decides whether the update is order-free (an
// integer sum, a map entry, a min/max) or lets map order through (a string
// concatenation, a floating-point sum, an append, a last-one-wins overwrite).
func (s *scan) assign(as *ast.AssignStmt, stack []ast.Node, report bool) {
	for i, lhs := range as.Lhs {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		var rhs ast.Expr
		tainted := false
		switch {
		case len(as.Rhs) == len(as.Lhs):
			rhs = as.Rhs[i]
			tainted = s.taintedExpr(rhs)
		case len(as.Rhs) == 1:
			rhs = as.Rhs[0]
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
				if idx, ok := s.calls[call]; ok {
					tainted = idx == i
					break
				}
			}
			tainted = s.taintedExpr(rhs) && !s.otherResult(rhs, i)
		}
		if tainted && s.c.orderFreeField(lhs) {
			continue // cmd.Env = env: consumed in any order
		}
		obj, direct := s.root(lhs)
		if obj == nil {
			continue
		}
		if s.mode == orderMode && tainted && s.scatter(lhs, rhs, stack) {
			continue
		}
		if as.Tok == token.DEFINE || s.isLocal(obj) && !(s.mode == orderMode && s.isParam(obj) && !direct) {
			if tainted {
				before := s.tainted[obj]
				s.tainted[obj] = true
				s.noteAlias(obj, lhs, rhs, direct, before)
				if s.mode == orderMode {
					s.noteField(obj, lhs, rhs, direct, before)
					s.notePicked(obj, rhs, direct, before)
				}
			} else if s.mode == orderMode && direct && as.Tok == token.ASSIGN {
				delete(s.tainted, obj) // overwritten: keys = slices.Sorted(...)
			}
			continue
		}
		if s.mode == elemMode {
			if s.tainted[obj] {
				continue // a field of the element itself: v.seen = true
			}
			s.outerAssigned[obj] = true
		}
		if !tainted || !report {
			continue
		}
		switch s.mode {
		case orderMode:
			s.holders[obj] = true
			if s.c.cfg.Strict {
				s.find(as.Pos(), "stored in "+types.ExprString(lhs), "store")
			}
		case factMode:
			if s.isAppend(as, lhs, rhs) {
				s.find(as.Pos(), "appended to "+types.ExprString(lhs), "append")
			}
		case elemMode:
			s.outerAssign(as, lhs, rhs, obj, direct, stack)
		}
	}
}

// otherResult reports whether result i of the call rhs (c.rpc, err :=
// newRPCClient(url, toKeyValues(props)); msg, err := json.Marshal(out))
// does not carry the order the call was given, after the loop: as
// taintedCall says of a call with one result, a result whose own type
// holds no sequence (a handle, a count: carriesOrder) is not the list,
// and an error the call was given the data for is not made of it. The
// tuple as a whole carries the order when any of its results does.
func (s *scan) otherResult(rhs ast.Expr, i int) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || s.mode != orderMode {
		return false
	}
	tup, ok := s.c.info.TypeOf(call).(*types.Tuple)
	if !ok || i >= tup.Len() {
		return false
	}
	t := tup.At(i).Type()
	if !carriesOrder(t) {
		return true
	}
	return types.IsInterface(t) && implementsError(t) && !s.c.makesError(call)
}

// isAppend reports whether lhs = rhs (or lhs op= rhs) extends the slice lhs
// with new elements: out = append(out, x), out = add(out, x).
func (s *scan) isAppend(as *ast.AssignStmt, lhs, rhs ast.Expr) bool {
	if _, ok := typeOf(s.c.info, lhs).Underlying().(*types.Slice); !ok {
		return false
	}
	return as.Tok == token.ASSIGN && rhs != nil && mentions(rhs, types.ExprString(lhs))
}

// outerAssign classifies an update of an outer variable with an element of
// the loop.
func (s *scan) outerAssign(as *ast.AssignStmt, lhs, rhs ast.Expr, obj types.Object, direct bool, stack []ast.Node) {
	info := s.c.info
	if s.keyLookup(stack) {
		return // runs for the one entry whose key is asked for (keyguard.go)
	}
	// Building another map (or writing into one held in a field) does not
	// depend on the order.
	for e := ast.Unparen(lhs); ; {
		var next ast.Expr
		switch x := e.(type) {
		case *ast.IndexExpr:
			if _, ok := typeOf(info, x.X).Underlying().(*types.Map); ok {
				return
			}
			next = x.X
		case *ast.SelectorExpr:
			next = x.X
		case *ast.StarExpr:
			next = x.X
		}
		if next == nil {
			break
		}
		e = ast.Unparen(next)
	}
	lt := typeOf(info, lhs)
	name := types.ExprString(lhs)
	selfRef := as.Tok != token.ASSIGN || rhs != nil && mentions(rhs, name)
	switch {
	case isKind(lt, types.IsString) && selfRef && (as.Tok == token.ADD_ASSIGN || as.Tok == token.ASSIGN && isBinary(rhs, token.ADD)):
		// Followed like a slice: it matters if the string is used.
		s.accumulate(obj, lhs, "concatenated onto", as.Pos())
		return
	case isKind(lt, types.IsFloat|types.IsComplex) && selfRef:
		if !s.c.cfg.Strict {
			return // rounding differs in the last bits: rarely a result
		}
		switch as.Tok {
		case token.ADD_ASSIGN, token.SUB_ASSIGN, token.MUL_ASSIGN, token.QUO_ASSIGN:
			s.find(as.Pos(), "accumulated in floating point into "+name, "float")
		case token.ASSIGN:
			if isBinary(rhs, token.ADD, token.SUB, token.MUL, token.QUO) {
				s.find(as.Pos(), "accumulated in floating point into "+name, "float")
			}
		}
		return
	case as.Tok != token.ASSIGN:
		return // integer and bitwise arithmetic is order-free
	}
	if s.isAppend(as, lhs, rhs) {
		s.accumulate(obj, lhs, "appended to", as.Pos())
		return
	}
	if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
		switch typeOf(info, ix.X).Underlying().(type) {
		case *types.Slice, *types.Array, *types.Pointer:
			if s.taintedExpr(ix.Index) {
				// out[v.pos] = v, out[idx[k]] = v: the element chooses
				// its own slot, whatever the order of the visits.
				return
			}
			// keys[i] = k fills a slice in map order.
			s.accumulate(obj, ix.X, "stored into", as.Pos())
			return
		}
	}
	if selfRef || isKind(lt, types.IsBoolean) || isError(lt) {
		return // any/all flags; which error wins is not treated as a result
	}
	if !s.c.cfg.Strict || s.uniqueGuard(as) || s.minMaxGuard(as) {
		return // keeping any one element is nearly always deliberate
	}
	if direct && s.isFuncLocal(obj) && !s.usedAfter(obj) {
		return // a variable reused by each iteration, not a result
	}
	s.find(as.Pos(), "assigned to "+name+", which keeps an arbitrary one", "last")
}

// accumulate records an outer variable that collects elements in map order,
// to be followed after the loop.
func (s *scan) accumulate(obj types.Object, target ast.Expr, verb string, pos token.Pos) {
	if s.c.orderFreeType(s.c.info.TypeOf(target)) {
		return // collected for a consumer that re-keys it (target groups)
	}
	name := types.ExprString(target)
	for _, a := range s.accs {
		if types.ExprString(a.expr) == name {
			return
		}
	}
	a := &accumulator{expr: target, verb: verb, pos: pos}
	if _, direct := s.root(target); s.isFuncLocal(obj) && (direct || !s.isParam(obj) || s.returnsVar(obj)) {
		// out, or a field of a local struct (resp.Items), or of a
		// parameter that the function returns (r.Names, return r):
		// follow the variable after the loop.
		a.obj = obj
	}
	s.accs = append(s.accs, a)
}

// resolveAccumulators follows each accumulator after the loop: a local one
// matters if it is observed (returned, stored, written...) before being
// sorted; one that outlives the function (a field, a global, a slice
// reached through a parameter) matters unless the function sorts it.
func (s *scan) resolveAccumulators() {
	for _, a := range s.accs {
		name := types.ExprString(a.expr)
		if a.obj == nil {
			if s.sortedAfter(name) || !s.c.cfg.Strict {
				continue
			}
			s.find(a.pos, a.verb+" "+name+", which is stored unsorted", "append")
			continue
		}
		if s.depth >= maxDepth || s.addressBefore(a.obj) {
			continue
		}
		os := s.c.newScan(orderMode, s.fn, s.fn.node, s.depth+1)
		os.start = s.loop.End()
		os.tainted[a.obj] = true
		os.accExpr = name
		os.pinned = s.pinnedStarts(a.obj)
		os.loopParam = s.loopMapParam()
		if f := directField(s.c.info, a.expr, a.obj); f != nil {
			os.fieldOf[a.obj] = f // r.Names = append(r.Names, k): the order is in r's field Names
			os.seqField[a.obj] = true
		}
		os.run()
		if len(os.findings) == 0 {
			continue
		}
		first := os.findings[0]
		obs := first.observed()
		rel := append([]related{{first.pos, name + " is " + obs + " here"}}, first.related...)
		s.find(a.pos, a.verb+" "+name+", which is "+obs, "append", rel...)
		s.findings[len(s.findings)-1].returned = first.returned
		s.findings[len(s.findings)-1].stream = allStream(os.findings)
		s.findings[len(s.findings)-1].items = elemOf(s.c.info.TypeOf(a.expr))
		s.findings[len(s.findings)-1].unseen = first.unseen
		s.findings[len(s.findings)-1].bounded = first.bounded
		s.findings[len(s.findings)-1].complete = true
	}
}

// sortedAfter reports whether the function sorts the slice written as name
// after the loop.
func (s *scan) sortedAfter(name string) bool {
	found := false
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && call.Pos() >= s.loop.End() {
			if x, ok := s.c.isSortCall(call); ok && types.ExprString(stripConv(s.c.info, x)) == name {
				found = true
			}
		}
		return true
	})
	return found
}

// usedAfter reports whether obj is read after the loop, or is a named
// result (returned implicitly).
func (s *scan) usedAfter(obj types.Object) bool {
	if s.fn.sig != nil {
		for v := range s.fn.sig.Results().Variables() {
			if v == obj {
				return true
			}
		}
	}
	found := false
	end := s.loop.End()
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= end && s.c.info.Uses[id] == obj {
			found = true
		}
		return true
	})
	if found {
		return true
	}
	// A loop around this one reads it on its next iteration.
	return s.readInEnclosingLoop(obj)
}

// readInEnclosingLoop reports whether obj is read inside a loop of the
// function that encloses this loop, outside this loop.
func (s *scan) readInEnclosingLoop(obj types.Object) bool {
	found := false
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		if found {
			return false
		}
		var body *ast.BlockStmt
		switch l := n.(type) {
		case *ast.ForStmt:
			body = l.Body
		case *ast.RangeStmt:
			body = l.Body
		default:
			return true
		}
		if n == s.loop || !(n.Pos() < s.loop.Pos() && s.loop.End() <= n.End()) {
			return true
		}
		ast.Inspect(body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && (id.Pos() < s.loop.Pos() || id.Pos() >= s.loop.End()) && s.c.info.Uses[id] == obj {
				found = true
			}
			return !found
		})
		return true
	})
	return found
}

func isBinary(e ast.Expr, ops ...token.Token) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	for _, op := range ops {
		if b.Op == op {
			return true
		}
	}
	return false
}

// mentions reports whether e contains the expression written as name.
func mentions(e ast.Node, name string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(ast.Expr); ok && types.ExprString(x) == name {
			found = true
		}
		return !found
	})
	return found
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

func isKind(t types.Type, flags types.BasicInfo) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&flags != 0
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// returnsVar reports whether a return statement of the scan's function
// (not of a closure in it) returns the variable obj itself.
func (s *scan) returnsVar(obj types.Object) bool {
	found := false
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if s.c.info.Uses[identOf(r)] == obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// taintedLiteral reports whether a composite literal holds order-carrying
// data where someone outside the package can see it: not in an unexported
// field of an object (return &Zones{names: names}, Zones having methods),
// which, like z.names = names, is a store into the object's state
// (reported only under -strict): only the package reads it, and the pass
// does not follow fields. A struct without methods is a record that the
// package hands on (prometheus's apiFuncResult{data: res}, encoded by the
// handler): its fields are the result.
func (s *scan) taintedLiteral(lit *ast.CompositeLit) bool {
	t := typeOf(s.c.info, lit)
	st, _ := t.Underlying().(*types.Struct)
	record := st != nil && types.NewMethodSet(types.NewPointer(t)).Len() == 0
	for i, e := range lit.Elts {
		if st != nil {
			var field *types.Var
			field, e = litField(s.c.info, st, i, e)
			if field != nil && s.c.orderFreeFieldOf(t, field) {
				continue // exec.Cmd{Env: env}: consumed in any order
			}
			if field != nil && !field.Exported() && !record {
				continue // a record: every field counts
			}
		}
		if s.taintedExpr(e) {
			return true
		}
	}
	return false
}
