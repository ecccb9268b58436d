package iterorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// This file decides what a sort of a suffix of the list the loop filled
// puts in order. sort.Strings(keys[i:]) orders the elements from i on;
// the list is in order as a whole only when each element before i was put
// there deterministically. keys[0:] and keys[:] are the whole list. The
// one prefix judged deterministic is a pinned key: the loop prepends one
// element (keys = append([]T{k}, keys...)) only under a test of the key's
// equality with a value the loop does not change, which at most one key
// passes, appends every other element at the end, and counts the one it
// pinned in the start variable (sortStart = 1 beside the prepend, 0
// before the loop): prometheus/alertmanager's KV.SortedPairs puts the
// alert name first and sorts the other label names. A constant start
// other than 0 (keys[1:]) leaves keys[0] to whichever key came first when
// no key was pinned.

// wholeSorted returns the list a sort of x puts in order as a whole: x
// itself, or for a suffix x = list[i:] whose prefix is deterministic (see
// above), list; nil for a suffix whose prefix is in map order.
func (s *scan) wholeSorted(x ast.Expr) ast.Expr {
	sl, ok := ast.Unparen(x).(*ast.SliceExpr)
	if !ok {
		return x
	}
	if sl.High != nil || sl.Max != nil {
		return nil // a part of the list, not all of it from i on
	}
	if sl.Low == nil || isZero(s.c.info, sl.Low) {
		return sl.X
	}
	if v, ok := s.c.info.Uses[identOf(sl.Low)].(*types.Var); ok && s.pinned[v] {
		return sl.X
	}
	return nil
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	v, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && v == 0
}

// pinnedStarts returns, for the list acc that the loop of this element
// scan fills, the variables that count the one key it pins at the front
// (see above): a sort of acc[v:] then orders the whole list.
func (s *scan) pinnedStarts(acc types.Object) map[types.Object]bool {
	var prepend *ast.AssignStmt
	ok := true
	ast.Inspect(s.loop.Body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !ok || !isAssign {
			return ok
		}
		for i, lhs := range as.Lhs {
			if obj, _ := s.root(lhs); obj != acc {
				continue
			}
			switch {
			case identOf(lhs) == nil || len(as.Rhs) != len(as.Lhs) || as.Tok != token.ASSIGN:
				ok = false
			case s.appendsTo(as.Rhs[i], acc):
			case prepend == nil && s.prependsOne(as.Rhs[i], acc):
				prepend = as
			default:
				ok = false // a second prepend, a store at an index, an overwrite
			}
		}
		return ok
	})
	if !ok || prepend == nil {
		return nil
	}
	block := s.keyEqualBlock(prepend)
	if block == nil {
		return nil
	}
	starts := make(map[types.Object]bool)
	for _, st := range block.List {
		as, isAssign := st.(*ast.AssignStmt)
		if !isAssign || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN || !isOne(s.c.info, as.Rhs[0]) {
			continue
		}
		if v, isVar := s.c.info.Uses[identOf(as.Lhs[0])].(*types.Var); isVar && s.isFuncLocal(v) && s.countsOnly(v, as) {
			starts[v] = true
		}
	}
	return starts
}

// appendsTo reports whether e is append(acc, ...): elements added at the
// end of acc.
func (s *scan) appendsTo(e ast.Expr, acc types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !s.isBuiltin(call, "append") || len(call.Args) == 0 {
		return false
	}
	return s.c.info.Uses[identOf(call.Args[0])] == acc
}

// prependsOne reports whether e is append([]T{x}, acc...): one element
// put in front of acc.
func (s *scan) prependsOne(e ast.Expr, acc types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !s.isBuiltin(call, "append") || len(call.Args) != 2 || !call.Ellipsis.IsValid() {
		return false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 1 && s.c.info.Uses[identOf(call.Args[1])] == acc
}

func (s *scan) isBuiltin(call *ast.CallExpr, name string) bool {
	b, ok := s.c.info.Uses[identOf(call.Fun)].(*types.Builtin)
	return ok && b.Name() == name
}

// keyEqualBlock returns the block that holds st when it runs for at most
// one key: a block of the loop body, not inside a loop of its own, in the
// then-branch of an if that tests the key's equality with a value the
// loop does not derive from the element (k == name), or in a case of a
// switch on the key with one such value; nil otherwise.
func (s *scan) keyEqualBlock(st ast.Stmt) *ast.BlockStmt {
	if s.key == nil {
		return nil
	}
	var block *ast.BlockStmt
	keyed := false
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			for _, x := range n.List {
				if x == st {
					block = n
					return true
				}
				if walk(x) {
					return true
				}
			}
		case *ast.IfStmt:
			if walk(n.Body) {
				keyed = keyed || s.keyTest(n.Cond)
				return true
			}
			return n.Else != nil && walk(n.Else)
		case *ast.SwitchStmt:
			for _, cc := range n.Body.List {
				cl := cc.(*ast.CaseClause)
				if walk(&ast.BlockStmt{List: cl.Body}) {
					keyed = keyed || n.Tag != nil && len(cl.List) == 1 && s.keyEquals(n.Tag, cl.List[0])
					return true
				}
			}
		}
		return false
	}
	if !walk(s.loop.Body) || !keyed || block == nil {
		return nil
	}
	return block
}

// keyTest reports whether cond is the key's equality with a value the
// loop does not change (keyguard.go): at most one key of a map passes it.
func (s *scan) keyTest(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && b.Op == token.EQL && (s.keyEquals(b.X, b.Y) || s.keyEquals(b.Y, b.X))
}

// countsOnly reports whether v, set to 1 by set in the loop, is otherwise
// only declared or set to 0 before the loop: after the loop it is 1 when
// set ran, 0 when not.
func (s *scan) countsOnly(v *types.Var, set *ast.AssignStmt) bool {
	ok := true
	zeroOrNone := func(e ast.Expr) bool { return e == nil || isZero(s.c.info, e) }
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if s.c.info.Defs[name] == v {
					var val ast.Expr
					if i < len(n.Values) {
						val = n.Values[i]
					}
					ok = ok && (len(n.Values) == 0 || len(n.Values) == len(n.Names)) && zeroOrNone(val) && n.Pos() < s.loop.Pos()
				}
			}
		case *ast.AssignStmt:
			if n == set {
				return true
			}
			for i, l := range n.Lhs {
				if obj, _ := s.root(l); obj == v {
					ok = ok && len(n.Rhs) == len(n.Lhs) && n.Tok != token.ADD_ASSIGN && n.Tok != token.SUB_ASSIGN &&
						(n.Tok == token.DEFINE || n.Tok == token.ASSIGN) && isZero(s.c.info, n.Rhs[i]) && n.Pos() < s.loop.Pos()
				}
			}
		case *ast.IncDecStmt:
			if obj, _ := s.root(n.X); obj == v {
				ok = false
			}
		case *ast.UnaryExpr:
			if obj, _ := s.root(n.X); n.Op == token.AND && obj == v {
				ok = false
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if obj, _ := s.root(e); e != nil && obj == v {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}
