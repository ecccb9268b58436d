package nilmerge

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// This file answers where the map a fix makes can be stored: the fix
// assigns it back to the expression the write read the map from, which
// must be a location that outlives the statement and that the fix can
// evaluate again with the same result.

// persistent returns "" when assigning to e outlives the statement: a
// local variable, named result or package variable (not a parameter), a
// field reached through a pointer or of a persistent struct, or an element
// of a map (outer[k], with a simple key). Otherwise it returns why a map
// made for e would be lost or could not be stored there.
func (fx *fixer) persistent(cur inspector.Cursor, e ast.Expr) string {
	return fx.stored(cur, e, e)
}

// stored answers persistent for e, a part of whole (the map expression
// the fix would assign).
func (fx *fixer) stored(cur inspector.Cursor, e, whole ast.Expr) string {
	info := fx.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || v.IsField() {
			break
		}
		kind := paramKind(info, cur, v)
		switch {
		case kind == "":
			return ""
		case e == whole:
			return fmt.Sprintf("%s is a %s: a map made here would leave the caller's map nil", x.Name, kind)
		}
		return fmt.Sprintf("%s is a %s passed by value: a map made here for %s would leave the caller's field nil", x.Name, kind, types.ExprString(whole))
	case *ast.SelectorExpr:
		sel, ok := info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			break
		}
		if sel.Indirect() {
			return ""
		}
		if _, ok := info.TypeOf(x.X).Underlying().(*types.Pointer); ok {
			return ""
		}
		return fx.stored(cur, x.X, whole)
	case *ast.IndexExpr:
		if _, ok := info.TypeOf(x.X).Underlying().(*types.Map); !ok {
			break
		}
		for _, part := range []ast.Expr{x.Index, x.X} {
			if !simple(part) {
				return fmt.Sprintf("storing a map made for %s would evaluate %s again", types.ExprString(whole), types.ExprString(part))
			}
		}
		return ""
	}
	return fmt.Sprintf("%s is not a variable, field or map entry that a map made here could be stored in", types.ExprString(whole))
}

// paramKind returns "parameter" or "receiver" when v is one of a function
// enclosing cur (named results are not), or "".
func paramKind(info *types.Info, cur inspector.Cursor, v *types.Var) string {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var recv, params *ast.FieldList
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			recv, params = fn.Recv, fn.Type.Params
		case *ast.FuncLit:
			params = fn.Type.Params
		}
		if declares(info, recv, v) {
			return "receiver"
		}
		if declares(info, params, v) {
			return "parameter"
		}
	}
	return ""
}

// declares reports whether the field list l declares v.
func declares(info *types.Info, l *ast.FieldList, v *types.Var) bool {
	if l == nil {
		return false
	}
	for _, f := range l.List {
		for _, n := range f.Names {
			if info.Defs[n] == v {
				return true
			}
		}
	}
	return false
}

// simple reports whether e can be evaluated twice with the same result and
// no side effects: identifiers, field selections and literals.
func simple(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return simple(e.X)
	}
	return false
}
