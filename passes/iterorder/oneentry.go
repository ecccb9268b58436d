package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// oneEntryParam reports whether the loop ranges over a map parameter of
// fn that every call passes as a map literal of at most one entry: the
// loop visits at most one entry, in the only order there is, as a test
// comparing with a one-element list literal compares in the only order
// there is (comparedWithOne). Every call must be visible: fn is not
// exported, not used as a value, and, for a method, not one that an
// interface of the package may call (its callers through the interface
// are not seen).
//
// net/http/fcgi's writePairs writes a map's pairs to the connection, and
// its one caller passes map[string]string{"FCGI_MPXS_CONNS": "1"}.
func (c *checker) oneEntryParam(mapExpr ast.Expr, fn *funcInfo) bool {
	if fn == nil || fn.obj == nil || fn.obj.Exported() || c.viaInterface(fn.obj) {
		return false
	}
	id := identOf(mapExpr)
	if id == nil {
		return false
	}
	idx := -1
	for i := range fn.sig.Params().Len() {
		if fn.sig.Params().At(i) == c.info.Uses[id] {
			idx = i
		}
	}
	if idx < 0 || fn.sig.Variadic() && idx == fn.sig.Params().Len()-1 || writtenIn(c.info, fn.body, c.info.Uses[id]) {
		return false
	}
	calls, asValue := c.callers(fn.obj)
	if asValue || len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		if idx >= len(call.Args) || !c.oneEntryArg(call.Args[idx]) {
			return false
		}
	}
	return true
}

// oneEntryArg reports whether the argument e is a map literal of at most
// one entry, or a local variable defined as one and used nowhere else
// (values := map[string]string{"FCGI_MPXS_CONNS": "1"}, then
// c.writePairs(..., values)).
func (c *checker) oneEntryArg(e ast.Expr) bool {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) <= 1
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return false
	}
	uses, oneEntry := 0, false
	scope := v.Parent()
	for _, f := range c.pass.Files {
		if f.Pos() > scope.Pos() || scope.End() > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.End() < scope.Pos() || n.Pos() > scope.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.Ident:
				if c.info.Uses[n] == v {
					uses++
				}
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if c.info.Defs[identOf(l)] == v {
							lit, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit)
							oneEntry = ok && len(lit.Elts) <= 1
						}
					}
				}
			}
			return true
		})
	}
	return uses == 1 && oneEntry
}

// viaInterface reports whether method fn may be called through an
// interface declared in its package: one of them has a method of the same
// name and signature.
func (c *checker) viaInterface(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return false
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for m := range iface.Methods() {
			if m.Name() == fn.Name() && types.Identical(m.Type(), types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())) {
				return true
			}
		}
	}
	return false
}

// writtenIn reports whether v is assigned in body (pairs = other, or
// pairs[k] = v, which may add entries before the loop) or passed to a
// call, which may add them; a builtin (len, delete, clear) adds none.
func writtenIn(info *types.Info, body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if _, builtin := info.Uses[identOf(call.Fun)].(*types.Builtin); builtin {
				return true
			}
			for _, a := range call.Args {
				if id := identOf(a); id != nil && info.Uses[id] == v {
					found = true // handed to a function, which may add entries
				}
			}
		}
		as, ok := n.(*ast.AssignStmt)
		if found || !ok {
			return !found
		}
		for _, lhs := range as.Lhs {
			e := ast.Unparen(lhs)
			if ix, ok := e.(*ast.IndexExpr); ok {
				e = ast.Unparen(ix.X)
			}
			if id, ok := e.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// loopMapParam returns the map parameter of the function that this
// element scan's loop ranges over, when the function adds no entries to
// it (writtenIn); nil otherwise.
func (s *scan) loopMapParam() *types.Var {
	if s.loop == nil || !isMapType(s.c.info.TypeOf(s.loop.X)) {
		return nil
	}
	v, ok := s.c.info.Uses[identOf(s.loop.X)].(*types.Var)
	if !ok || paramIndex(s.fn.sig, v) < 0 || writtenIn(s.c.info, s.fn.body, v) {
		return nil
	}
	return v
}

func isMapType(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// paramIndex returns the index of v among sig's parameters, or -1 (also
// for the variadic one, which a call passes as several arguments).
func paramIndex(sig *types.Signature, v *types.Var) int {
	if sig == nil || v == nil {
		return -1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v && !(sig.Variadic() && i == sig.Params().Len()-1) {
			return i
		}
	}
	return -1
}

// oneEntryAt reports whether the argument e holds at most one entry where
// it is passed: a map literal of at most one entry, or a local variable
// that a statement before the call's, in the same block, sets to one,
// with no statement in between that names it, and that no function
// literal names (one that could add entries in between). A test's
// meta := map[string]string{"key1": "value1"}; kvs := toKeyValues(meta)
// (pulsar-client-go's helper_test.go) gets its one pair in the only order
// there is, whatever meta is set to later.
func (c *checker) oneEntryAt(e ast.Expr) bool {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return len(lit.Elts) <= 1
	}
	id := identOf(e)
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return false
	}
	cur, ok := c.ins.Root().FindNode(id)
	if !ok {
		return false
	}
	first := true
	for ; cur.Parent().Node() != nil; cur = cur.Parent() {
		var block *ast.BlockStmt
		switch p := cur.Parent().Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			return false // set in an iteration before, or by the caller
		case *ast.BlockStmt:
			block = p
		default:
			continue
		}
		if first && c.names(cur.Node(), v, id) {
			return false // the statement of the call names it again
		}
		first = false
		i := slices.Index(block.List, cur.Node().(ast.Stmt))
		for j := i - 1; j >= 0; j-- {
			if set, one := c.setsOneEntry(block.List[j], v); set {
				return one && !c.namedInLiteral(cur, v)
			}
			if c.names(block.List[j], v, nil) {
				return false
			}
		}
	}
	return false
}

// names reports whether n names v, other than by the identifier except.
func (c *checker) names(n ast.Node, v *types.Var, except *ast.Ident) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id != except && (c.info.Uses[id] == v || c.info.Defs[id] == v) {
			found = true
		}
		return !found
	})
	return found
}

// setsOneEntry reports whether st sets v itself (v := x, v = x, var v =
// x), and whether to a map literal of at most one entry.
func (c *checker) setsOneEntry(st ast.Stmt, v *types.Var) (set, one bool) {
	var lhs []*ast.Ident
	var rhs []ast.Expr
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE && st.Tok != token.ASSIGN {
			return false, false
		}
		for _, l := range st.Lhs {
			lhs = append(lhs, identOf(l))
		}
		rhs = st.Rhs
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok || len(gd.Specs) != 1 {
			return false, false
		}
		vs, ok := gd.Specs[0].(*ast.ValueSpec)
		if !ok {
			return false, false
		}
		lhs, rhs = vs.Names, vs.Values
	}
	for i, id := range lhs {
		if id == nil || c.info.Uses[id] != v && c.info.Defs[id] != v {
			continue
		}
		if len(rhs) != len(lhs) {
			return true, false
		}
		lit, ok := ast.Unparen(rhs[i]).(*ast.CompositeLit)
		return true, ok && len(lit.Elts) <= 1
	}
	return false, false
}

// namedInLiteral reports whether a function literal inside the function
// around cur names v: calling it could change v where no statement shows.
func (c *checker) namedInLiteral(cur inspector.Cursor, v *types.Var) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		found := false
		ast.Inspect(fn.Node(), func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok && n != fn.Node() && c.names(lit, v, nil) {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}
