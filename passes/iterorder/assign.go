package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
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
			tainted = s.taintedExpr(rhs)
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
				s.tainted[obj] = true
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
	if !s.c.cfg.Strict || s.uniqueGuard(stack) || s.minMaxGuard(stack) {
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
	if _, direct := s.root(target); s.isFuncLocal(obj) && (direct || !s.isParam(obj)) {
		// out, or a field of a local struct (resp.Items): follow the
		// variable after the loop.
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
		if s.depth >= maxDepth {
			continue
		}
		os := s.c.newScan(orderMode, s.fn, s.fn.node, s.depth+1)
		os.start = s.loop.End()
		os.tainted[a.obj] = true
		os.run()
		if len(os.findings) == 0 {
			continue
		}
		first := os.findings[0]
		obs := first.verb
		if !strings.HasSuffix(obs, "unsorted") {
			obs += " unsorted"
		}
		rel := append([]related{{first.pos, name + " is " + obs + " here"}}, first.related...)
		s.find(a.pos, a.verb+" "+name+", which is "+obs, "append", rel...)
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

// guards returns the conditions under which the node at the top of stack
// runs, within the scanned region: if conditions (then branch only) and
// switch cases.
func (s *scan) guards(stack []ast.Node) (conds []ast.Expr, eqs [][2]ast.Expr) {
	for i, n := range stack {
		switch n := n.(type) {
		case *ast.IfStmt:
			if i+1 < len(stack) && stack[i+1] == n.Body {
				conds = append(conds, n.Cond)
			} else if i+1 < len(stack) && stack[i+1] == n.Else {
				conds = append(conds, &ast.UnaryExpr{Op: token.NOT, X: n.Cond})
			}
		case *ast.CaseClause:
			if i >= 2 {
				if sw, ok := stack[i-2].(*ast.SwitchStmt); ok {
					for _, e := range n.List {
						if sw.Tag != nil {
							eqs = append(eqs, [2]ast.Expr{sw.Tag, e})
						} else {
							conds = append(conds, e)
						}
					}
					if len(n.List) == 0 {
						conds = append(conds, &ast.Ident{Name: "default"})
					}
				}
			}
		}
	}
	return conds, eqs
}

// uniqueGuard reports whether the node at the top of stack runs only for
// an element equal to some value (k == name, v.ID == id): a lookup, which
// at most one key satisfies when it compares the key, and which code
// treats as unique when it compares a value's identity.
func (s *scan) uniqueGuard(stack []ast.Node) bool {
	conds, eqs := s.guards(stack)
	for _, eq := range eqs {
		if s.taintedExpr(eq[0]) != s.taintedExpr(eq[1]) {
			return true
		}
	}
	for _, cond := range conds {
		if s.intervalLookup(cond) {
			return true
		}
		for _, c := range conjuncts(cond) {
			if b, ok := c.(*ast.BinaryExpr); ok && b.Op == token.EQL && s.taintedExpr(b.X) != s.taintedExpr(b.Y) {
				return true
			}
			if call, ok := c.(*ast.CallExpr); ok && isEqualCall(call) {
				n := 0
				args := call.Args
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(args) == 1 {
					args = append([]ast.Expr{sel.X}, args...)
				}
				for _, a := range args {
					if s.taintedExpr(a) {
						n++
					}
				}
				if len(args) == 2 && n == 1 {
					return true
				}
			}
		}
	}
	return false
}

// minMaxGuard reports whether the node at the top of stack runs only when
// the element compares with an outer variable the loop updates (if v >
// best { best = v }): a min/max or arg-max, whose result is order-free.
func (s *scan) minMaxGuard(stack []ast.Node) bool {
	conds, _ := s.guards(stack)
	for _, cond := range conds {
		if !s.taintedExpr(cond) {
			continue
		}
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && s.outerAssigned[s.c.info.Uses[id]] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

func conjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// isEqualCall reports whether call is an equality test by name
// (bytes.Equal(a, b), a.Equal(b), strings.EqualFold, types.Identical).
func isEqualCall(call *ast.CallExpr) bool {
	var name string
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = f.Sel.Name
	case *ast.Ident:
		name = f.Name
	}
	switch name {
	case "Equal", "Equals", "EqualFold", "Identical":
		return true
	}
	return false
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

// intervalLookup reports whether cond bounds one outside value by the
// element on both sides (code >= p.offset && code < p.offset+p.length): a
// lookup of the interval that holds it, which code keeps disjoint.
func (s *scan) intervalLookup(cond ast.Expr) bool {
	lower, upper := map[string]bool{}, map[string]bool{}
	for _, c := range conjuncts(cond) {
		b, ok := c.(*ast.BinaryExpr)
		if !ok {
			continue
		}
		x, y := s.taintedExpr(b.X), s.taintedExpr(b.Y)
		if x == y {
			continue
		}
		out, op := b.X, b.Op
		if x { // element on the left: flip
			out = b.Y
			switch op {
			case token.LSS:
				op = token.GTR
			case token.LEQ:
				op = token.GEQ
			case token.GTR:
				op = token.LSS
			case token.GEQ:
				op = token.LEQ
			}
		}
		switch op {
		case token.GTR, token.GEQ:
			lower[types.ExprString(out)] = true
		case token.LSS, token.LEQ:
			upper[types.ExprString(out)] = true
		}
	}
	for k := range lower {
		if upper[k] {
			return true
		}
	}
	return false
}

// scatter reports whether lhs = rhs, in orderMode, stores one element of
// an ordered sequence at a slot that the sequence's order does not choose:
// inside a loop over the sequence with position j, rhs is y[j] and the
// index of lhs is neither j nor a counter of that loop nor a length. The
// request/zip-back pattern, where the results of a lookup made in map
// order are put back where each key asked for them:
//
//	res := lookup(misses)
//	for j, h := range misses {
//		for _, i := range indices[h] {
//			out[i] = res[j]
//		}
//	}
func (s *scan) scatter(lhs, rhs ast.Expr, stack []ast.Node) bool {
	info := s.c.info
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return false
	}
	switch typeOf(info, ix.X).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Pointer:
	default:
		return false
	}
	var loop *ast.RangeStmt
	for i := len(stack) - 1; i >= 0 && loop == nil; i-- {
		if rs, ok := stack[i].(*ast.RangeStmt); ok && s.taintedExpr(rs.X) {
			loop = rs
		}
	}
	if loop == nil || loop.Key == nil {
		return false
	}
	pos := info.Defs[identOf(loop.Key)]
	if pos == nil {
		pos = info.Uses[identOf(loop.Key)]
	}
	el, ok := ast.Unparen(rhs).(*ast.IndexExpr)
	if !ok || pos == nil || info.Uses[identOf(el.Index)] != pos || !s.taintedExpr(el.X) {
		return false
	}
	// The slot must not follow the visits: not the position itself, not a
	// variable the loop counts with, not a length.
	counters := map[types.Object]bool{pos: true}
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if obj, _ := s.root(n.X); obj != nil {
				counters[obj] = true
			}
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				for _, l := range n.Lhs {
					if obj, _ := s.root(l); obj != nil {
						counters[obj] = true
					}
				}
			}
		}
		return true
	})
	follows := false
	ast.Inspect(ix.Index, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if counters[info.Uses[n]] {
				follows = true
			}
			if b, ok := info.Uses[n].(*types.Builtin); ok && b.Name() == "len" {
				follows = true
			}
		}
		return !follows
	})
	return !follows
}
