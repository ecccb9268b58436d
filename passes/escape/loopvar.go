package escape

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/internal/report"
)

// checkLoopVars reports the address of a loop variable stored in a map in
// a file compiled with per-loop variables (Go before 1.22):
//
//	for _, u := range users {
//		byID[u.ID] = &u // every entry points to the same variable
//	}
//
// The stored value is &v, &v.f (through fields and arrays of v itself, not
// through a pointer v holds), or a composite literal or append holding one.
// One diagnostic per loop variable, at its first such store.
func (ck *checker) checkLoopVars() {
	ins := ck.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range ins.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if !goversion.Before(ck.pass, file, goversion.Go1_22) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.RangeStmt)(nil), (*ast.ForStmt)(nil)) {
			var vars []*types.Var
			var body *ast.BlockStmt
			switch loop := cur.Node().(type) {
			case *ast.RangeStmt:
				if loop.Tok == token.DEFINE {
					vars = ck.defined(loop.Key, loop.Value)
				}
				body = loop.Body
			case *ast.ForStmt:
				if init, ok := loop.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
					vars = ck.defined(init.Lhs...)
				}
				body = loop.Body
			}
			for _, v := range vars {
				ck.loopVarStores(file, cur.Node(), body, v)
			}
		}
	}
}

// defined returns the variables the identifiers among exprs define.
func (ck *checker) defined(exprs ...ast.Expr) []*types.Var {
	var out []*types.Var
	for _, e := range exprs {
		id, ok := e.(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := ck.pass.TypesInfo.Defs[id].(*types.Var); ok {
			out = append(out, v)
		}
	}
	return out
}

// loopVarStores reports the first store into a map, in body, of a value
// holding the address of v. Function literals are not entered: what they
// capture is loopclosure's business.
func (ck *checker) loopVarStores(file *ast.File, loop ast.Node, body *ast.BlockStmt, v *types.Var) {
	var found *ast.AssignStmt
	var addr *ast.UnaryExpr
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
				if !ok || !apis.IsMap(ck.pass.TypesInfo.TypeOf(ix.X)) {
					continue
				}
				if a := ck.addressOf(n.Rhs[i], v); a != nil {
					found, addr = n, a
					return false
				}
			}
		}
		return true
	})
	if found == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      addr.Pos(),
		End:      addr.End(),
		Category: CategoryLoopVar,
		Message: fmt.Sprintf("address of loop variable %s stored in map %s: before Go 1.22 every iteration shares %s, so all entries point to its last value",
			v.Name(), types.ExprString(found.Lhs[0].(*ast.IndexExpr).X), v.Name()),
	}
	fixes, why := ck.loopVarFix(file, loop, body, v, addr)
	ck.add(d, fixes, why)
}

// addressOf returns the &v (or &v.f...) that e stores, directly or inside
// a composite literal or an append, or nil.
func (ck *checker) addressOf(e ast.Expr, v *types.Var) *ast.UnaryExpr {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op != token.AND {
			return nil
		}
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
			return ck.addressOf(lit, v)
		}
		if ck.rootedAt(e.X, v) {
			return e
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if a := ck.addressOf(elt, v); a != nil {
				return a
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := ck.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, arg := range e.Args[1:] {
					if a := ck.addressOf(arg, v); a != nil {
						return a
					}
				}
			}
		}
	}
	return nil
}

// rootedAt reports whether x is v, or a field or array element of v itself
// (v.f, v.a[0]); not a place reached through a pointer v holds.
func (ck *checker) rootedAt(x ast.Expr, v *types.Var) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return ck.pass.TypesInfo.Uses[x] == v
	case *ast.SelectorExpr:
		sel := ck.pass.TypesInfo.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
			return false
		}
		if _, ok := ck.pass.TypesInfo.TypeOf(x.X).Underlying().(*types.Struct); !ok {
			return false
		}
		return ck.rootedAt(x.X, v)
	case *ast.IndexExpr:
		if _, ok := ck.pass.TypesInfo.TypeOf(x.X).Underlying().(*types.Array); !ok {
			return false
		}
		return ck.rootedAt(x.X, v)
	}
	return false
}

// loopVarFix gives each entry its own variable. Ranging over a slice by
// index, the element itself is addressable and is what the code means:
//
//	for i, u := range users { byID[u.ID] = &u }  →  byID[u.ID] = &users[i]
//
// (kept only when the body never assigns u, whose copy would then differ
// from the element, and the slice is named by a plain expression).
// Otherwise a per-iteration copy, as Go 1.22 makes:
//
//	for _, u := range users {  →  for _, u := range users {
//		byID[u.ID] = &u                u := u
//	                                   byID[u.ID] = &u
//
// With no fix, it returns why.
func (ck *checker) loopVarFix(file *ast.File, loop ast.Node, body *ast.BlockStmt, v *types.Var, addr *ast.UnaryExpr) ([]analysis.SuggestedFix, string) {
	if rs, ok := loop.(*ast.RangeStmt); ok {
		if fix, ok := ck.elementFix(rs, v, addr); ok {
			return []analysis.SuggestedFix{fix}, ""
		}
	}
	if len(body.List) == 0 {
		return nil, "the loop body has no statement to copy " + v.Name() + " before"
	}
	edit, err := ck.src.InsertBefore(body.List[0], v.Name()+" := "+v.Name())
	if err != nil {
		return nil, report.WhySource
	}
	return []analysis.SuggestedFix{{
		Message:   "Copy " + v.Name() + " in each iteration",
		TextEdits: []analysis.TextEdit{edit},
	}}, ""
}

// elementFix rewrites &v... into &xs[i]... for a range over slice xs by
// index i.
func (ck *checker) elementFix(rs *ast.RangeStmt, v *types.Var, addr *ast.UnaryExpr) (analysis.SuggestedFix, bool) {
	key, ok := rs.Key.(*ast.Ident)
	val, ok2 := rs.Value.(*ast.Ident)
	if !ok || !ok2 || key.Name == "_" || ck.pass.TypesInfo.Defs[val] != v {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := ck.pass.TypesInfo.TypeOf(rs.X).Underlying().(*types.Slice); !ok || !edits.Repeatable(rs.X) || ck.assigns(rs.Body, v) {
		return analysis.SuggestedFix{}, false
	}
	root := rootIdent(addr.X)
	xs, err := ck.src.Text(rs.X)
	if root == nil || err != nil {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Take the address of the slice element " + xs + "[" + key.Name + "]",
		TextEdits: []analysis.TextEdit{{Pos: root.Pos(), End: root.End(), NewText: []byte(xs + "[" + key.Name + "]")}},
	}, true
}

// rootIdent returns the variable at the root of v.f.a[0].
func rootIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return rootIdent(e.X)
	case *ast.IndexExpr:
		return rootIdent(e.X)
	}
	return nil
}

// assigns reports whether body assigns to v or a part of it.
func (ck *checker) assigns(body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if ck.rootedAt(lhs, v) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = found || ck.rootedAt(n.X, v)
		case *ast.CallExpr:
			// v.Set(x) with a pointer receiver writes v.
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && ck.rootedAt(sel.X, v) {
				if s := ck.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					if _, ptr := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
