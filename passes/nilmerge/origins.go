package nilmerge

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// explain fills in the origin of a nil constant from the syntax: SSA has
// lifted the variable away, so the declaration or the assignment of nil is
// found by name. It picks the last nil definition of the written variable
// before the write (or the first one, for a nil carried around a loop).
func (a *checker) explain(w *write, o *origin) {
	if o.kind != fromVar {
		if o.kind == fromOuterPath {
			if ix, ok := ast.Unparen(w.mexpr).(*ast.IndexExpr); ok {
				o.why = fmt.Sprintf("%s has no entry for %s unless one was made, and %s", types.ExprString(ix.X), types.ExprString(ix.Index), o.why)
			}
		}
		if o.kind == fromInner {
			if ix, ok := ast.Unparen(w.mexpr).(*ast.IndexExpr); ok {
				o.why = "every lookup in " + types.ExprString(ix.X) + " is nil: " + o.why
			}
		}
		return
	}
	o.why = "nil on some path to this write"
	id, ok := ast.Unparen(w.mexpr).(*ast.Ident)
	if !ok {
		return
	}
	obj, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	info := a.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Uses[id] == obj || info.Defs[id] == obj)
	}
	var cands []origin
	fnCur, ok := enclosingFunc(w.cur)
	if !ok {
		return
	}
	if decl, ok := fnCur.Node().(*ast.FuncDecl); ok && decl.Type.Results != nil {
		for _, f := range decl.Type.Results.List {
			for _, n := range f.Names {
				if info.Defs[n] == obj {
					cands = append(cands, origin{pos: n.Pos(), why: "named result declared without make"})
				}
			}
		}
	}
	for cur := range fnCur.Preorder((*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != obj {
					continue
				}
				switch {
				case len(n.Values) == 0:
					cands = append(cands, origin{pos: name.Pos(), why: "declared without make"})
				case len(n.Values) == len(n.Names) && isNilExpr(info, n.Values[i]):
					cands = append(cands, origin{pos: name.Pos(), why: "declared nil"})
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if is(lhs) && isNilExpr(info, n.Rhs[i]) {
					cands = append(cands, origin{pos: lhs.Pos(), why: "assigned nil"})
				}
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	best := cands[0]
	for _, c := range cands {
		if c.pos < w.pos && (best.pos > w.pos || c.pos > best.pos) {
			best = c
		}
	}
	o.pos, o.why = best.pos, best.why
}

func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return cur, false
}

// isNilExpr reports whether e is nil or a conversion of nil.
func isNilExpr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
