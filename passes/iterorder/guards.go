package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/orderflow"
)

// This file holds the guards of a statement in a map loop: the conditions
// under which it runs, and the ones that make it order-free (a lookup of a
// unique element, a min/max, a store at a slot the element chooses).

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
// an element equal to some value (k == name, v.ID == id, attr.hasName(name))
// or whose interval holds it (r.ContainsPos(pos)): a lookup, which at most
// one key satisfies when it compares the key, and which code treats as
// unique when it compares a value's identity (see match.go).
func (s *scan) uniqueGuard(stack []ast.Node) bool {
	conds, eqs := s.guards(stack)
	for _, eq := range eqs {
		if s.taintedExpr(eq[0]) != s.taintedExpr(eq[1]) {
			return true
		}
	}
	for _, cond := range conds {
		if s.lookup(cond) {
			return true
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

// isEqualCall reports whether call is an equality test: an Equal row of
// internal/apis (bytes.Equal, strings.EqualFold, types.Identical), or an
// Equal method of the form (T) Equal(T) bool, the contract that go-cmp's
// cmp.Equal and the standard library's types (time.Time, net.IP) follow.
func (c *checker) isEqualCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	if _, ok := apis.Find(fn.Origin(), apis.Equal); ok {
		return true
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || fn.Name() != "Equal" || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	return isKind(sig.Results().At(0).Type(), types.IsBoolean) && types.AssignableTo(sig.Params().At(0).Type(), sig.Recv().Type())
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

// paths answers, for a statement of the package, the questions about the
// paths through it that decide whether a sink there shows map order: does
// it run only through a branch that a constant condition never takes
// (dead code: if debug { ... } with const debug = false), and does every
// path from it end the function in a failure (an error returned, a call
// that never returns: it names which entry failed first, and which entry
// fails first is, like a returned error, not treated as a result). Both
// are read from the SSA control-flow graph (see orderflow.Paths), with the
// ctrlflow analyzer's knowledge of which functions never return.
func (c *checker) paths() *orderflow.Paths {
	if c.path == nil {
		c.path = orderflow.NewPaths(c.pass, c.ssa, c.cfgs)
	}
	return c.path
}

// neverReturns reports whether call never returns: panic, or a callee
// that apis.FuncNeverReturns says never returns.
func (c *checker) neverReturns(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		return fn == types.Universe.Lookup("panic")
	case *types.Func:
		sig, _ := fn.Type().(*types.Signature)
		dynamic := sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
		return apis.FuncNeverReturns(c.cfgs, fn, dynamic)
	}
	return false
}
