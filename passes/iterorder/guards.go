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

// guards returns the conditions under which n, a statement of the loop
// body, runs: the If edges of the SSA that dominate it, of the conditions
// written in the body (orderflow.Paths.Guards). An if that skips the rest
// of the iteration guards what follows it, as the enclosing ifs and cases
// guard their bodies.
func (s *scan) guards(n ast.Node) []orderflow.Guard {
	return s.c.paths().Guards(n, s.region)
}

// uniqueGuard reports whether n runs only for an element equal to some
// value (k == name, v.ID == id, attr.hasName(name)) or whose interval
// holds it (r.ContainsPos(pos)): a lookup, which at most one key satisfies
// when it compares the key, and which code treats as unique when it
// compares a value's identity (see match.go). A join of edges (case a, b:)
// is a lookup when each of its edges is one; the conditions that hold on
// every way to n are read together, as the conjuncts of one condition
// (off >= r.Start and off < r.End are two Ifs).
func (s *scan) uniqueGuard(n ast.Node) bool {
	var all ast.Expr
	for _, g := range s.guards(n) {
		unique := true
		for _, c := range g {
			unique = unique && s.uniqueCond(c)
		}
		if unique {
			return true
		}
		if len(g) == 1 && g[0].Tag == nil {
			all = and(all, holding(g[0]))
		}
	}
	return all != nil && s.lookup(all)
}

// uniqueCond reports whether c holds for at most one element: a case of a
// switch whose tag is the element and whose value is not, or the other way
// round, or a condition that is a lookup.
func (s *scan) uniqueCond(c orderflow.Cond) bool {
	if c.Tag != nil {
		return c.Holds && s.taintedExpr(c.Tag) != s.taintedExpr(c.Expr)
	}
	return s.lookup(holding(c))
}

// holding returns the condition that holds past c's edge: its expression,
// or on the edge where it fails, the negation (x == y for x != y).
func holding(c orderflow.Cond) ast.Expr {
	switch {
	case c.Tag != nil && c.Holds:
		return &ast.BinaryExpr{X: c.Tag, Op: token.EQL, Y: c.Expr}
	case c.Tag != nil:
		return &ast.BinaryExpr{X: c.Tag, Op: token.NEQ, Y: c.Expr}
	case c.Holds:
		return c.Expr
	}
	if b, ok := ast.Unparen(c.Expr).(*ast.BinaryExpr); ok && b.Op == token.NEQ {
		return &ast.BinaryExpr{X: b.X, Op: token.EQL, Y: b.Y}
	}
	return &ast.UnaryExpr{Op: token.NOT, X: c.Expr}
}

// and returns a && b (b when a is nil).
func and(a, b ast.Expr) ast.Expr {
	if a == nil {
		return b
	}
	return &ast.BinaryExpr{X: a, Op: token.LAND, Y: b}
}

// minMaxGuard reports whether n runs only when the element compares with
// an outer variable the loop updates (if v > best { best = v }, also as
// one side of if best == nil || v > best): a min/max or arg-max, whose
// result is order-free.
func (s *scan) minMaxGuard(n ast.Node) bool {
	for _, g := range s.guards(n) {
		tainted, outer := false, false
		for _, c := range g {
			if c.Tag != nil {
				continue
			}
			tainted = tainted || s.taintedExpr(c.Expr)
			ast.Inspect(c.Expr, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && s.outerAssigned[s.c.info.Uses[id]] {
					outer = true
				}
				return !outer
			})
		}
		if tainted && outer {
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
