package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
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
// call, which may add them.
func writtenIn(info *types.Info, body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
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
