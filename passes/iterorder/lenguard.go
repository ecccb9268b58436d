package iterorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// This file decides when a test compares an element of a list that it has
// asserted holds exactly one element: require.Len(t, params, 1), or if
// len(p) != 1 { t.Fatalf(...) }, before params[0] is compared, or the
// comparison inside if len(p) == 1 { ... }. Past such an assertion the
// test has either failed already, whatever the order, or the list has one
// element, which no other can precede: the comparison sees the same
// element in every run. kin-openapi's form data test compares
// params[0].Extensions after require.Len(t, params, 1); amqp091-go's
// connection test compares merged.Bindings[0].Args after asserting
// len(merged.Bindings) == 1 with t.Fatalf. A list indexed without such an
// assertion (prometheus's notifier tests compare Alertmanagers()[0] with
// one alertmanager configured, but never assert the length) stays
// reported: nothing in the test says the list holds one element.

// oneElementOperands reports whether every operand of the comparison that
// carries the order is an element of a list asserted to hold one element,
// on every path to the comparison call, whose ancestors are stack.
func (s *scan) oneElementOperands(call *ast.CallExpr, operands []ast.Expr, stack []ast.Node) bool {
	path := append(stack[:len(stack):len(stack)], call)
	seen := false
	for _, e := range operands {
		if !s.taintedExpr(e) {
			continue
		}
		list := indexedList(s.c.info, e)
		if list == nil || !s.lenAsserted(list, path) {
			return false
		}
		seen = true
	}
	return seen
}

// indexedList returns x of the innermost element x[i] that e selects
// from (params[0].Extensions: params), or nil when e is not an element
// of a slice or array at a constant index.
func indexedList(info *types.Info, e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			tv, ok := info.Types[x.Index]
			if !ok || tv.Value == nil {
				return nil
			}
			switch typeOf(info, x.X).Underlying().(type) {
			case *types.Slice, *types.Array:
				return x.X
			}
			return nil
		default:
			return nil
		}
	}
}

// lenAsserted reports whether, on the way from the function's body to the
// last node of path (path holds it and its ancestors), the length of list is asserted to be one: by
// a statement before it in an enclosing block (a LenIs row of
// internal/apis, or an if on len(list) != 1 whose body ends the function),
// or by an enclosing if len(list) == 1 (or len(list) == 1 && ...) that
// it is inside. A statement
// after the assertion that assigns the list's variable undoes it.
func (s *scan) lenAsserted(list ast.Expr, path []ast.Node) bool {
	name := types.ExprString(list)
	for i, n := range path[:len(path)-1] {
		child := path[i+1]
		switch n := n.(type) {
		case *ast.BlockStmt:
			asserted := false
			for _, st := range n.List {
				if st.Pos() >= child.Pos() {
					break
				}
				if s.assertsOne(st, name) {
					asserted = true
				} else if obj, _ := s.root(list); obj == nil || s.assignsIn(st, obj) {
					asserted = false // assigned again after the assertion
				}
			}
			if asserted {
				return true
			}
		case *ast.IfStmt:
			if child == n.Body && s.lenCompare(n.Cond, name, token.EQL) {
				return true
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND && child == n.Y && s.lenCompare(n.X, name, token.EQL) {
				return true // len(p) == 1 && reflect.DeepEqual(p[0], want)
			}
		}
	}
	return false
}

// assertsOne reports whether st asserts that the list written name has
// one element: require.Len(t, list, 1), or if len(list) != 1 { ...; return }
// (or a last call that never returns, t.Fatalf).
func (s *scan) assertsOne(st ast.Stmt, name string) bool {
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(s.c.info, call).(*types.Func)
		if fn == nil {
			return false
		}
		r, ok := apis.Find(fn.Origin(), apis.LenIs)
		return ok && r.Arg+1 < len(call.Args) && types.ExprString(call.Args[r.Arg]) == name && isOne(s.c.info, call.Args[r.Arg+1])
	case *ast.IfStmt:
		if st.Else != nil || len(st.Body.List) == 0 || !s.lenCompare(st.Cond, name, token.NEQ) {
			return false
		}
		switch last := st.Body.List[len(st.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.ExprStmt:
			call, ok := ast.Unparen(last.X).(*ast.CallExpr)
			return ok && s.c.neverReturns(call)
		}
	}
	return false
}

// lenCompare reports whether cond is len(list) op 1 (either way round);
// for ==, as one conjunct of cond.
func (s *scan) lenCompare(cond ast.Expr, name string, op token.Token) bool {
	cs := []ast.Expr{ast.Unparen(cond)}
	if op == token.EQL {
		cs = conjuncts(cond)
	}
	for _, c := range cs {
		b, ok := c.(*ast.BinaryExpr)
		if !ok || b.Op != op {
			continue
		}
		if s.isLenOf(b.X, name) && isOne(s.c.info, b.Y) || s.isLenOf(b.Y, name) && isOne(s.c.info, b.X) {
			return true
		}
	}
	return false
}

// isLenOf reports whether e is len(list).
func (s *scan) isLenOf(e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	b, ok := s.c.info.Uses[identOf(call.Fun)].(*types.Builtin)
	return ok && b.Name() == "len" && types.ExprString(call.Args[0]) == name
}

// isOne reports whether e is the constant 1.
func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	v, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && v == 1
}

// assignsIn reports whether body assigns v (v = x, v[i] = x, v.f = x,
// v++), or takes its address, which lets a call assign it.
func (s *scan) assignsIn(body ast.Node, v types.Object) bool {
	found := false
	rooted := func(e ast.Expr) bool {
		obj, _ := s.root(e)
		return obj == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || rooted(l)
			}
		case *ast.IncDecStmt:
			found = found || rooted(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && rooted(n.X)
		case *ast.RangeStmt:
			found = found || n.Key != nil && rooted(n.Key) || n.Value != nil && rooted(n.Value)
		}
		return !found
	})
	return found
}
