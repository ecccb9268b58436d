package iterorder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// This file decides when a condition is a lookup: true for at most one
// element of a map, so that returning the element it selects does not
// depend on the order of the visits. A condition is a lookup when it
// compares the element with a value from outside the loop: equal to it
// (k == name, v.ID == id, bytes.Equal(v.Key, key)), or an interval of the
// element holding it (off >= v.Start && off < v.End: code keeps such
// intervals disjoint). The same holds through a predicate whose body is
// one such comparison of its operands (attr.hasName(name),
// attr.Range.ContainsPos(pos)): a MatchFact records which operands it
// compares, so that a call is judged as the comparison written inline.

// A MatchFact summarises a function returning bool whose body is a single
// comparison between two groups of its operands (receiver first, then the
// parameters): equal, or, when Interval is set, group 1 bounding the value
// of group 2 from below and from above.
//
// Example: for
//
//	func (r Range) ContainsOffset(off int) bool { return off >= r.Start && off < r.End }
//	func (r Range) ContainsPos(p Pos) bool      { return r.ContainsOffset(p.Byte) }
//
// both facts are {Sides: [1 2], Interval: true}, printed as
// `interval[1 2]`; for func (i *ident) hasName(n string) bool { return n ==
// i.name } it is {Sides: [2 1]}, printed as `match[2 1]`.
type MatchFact struct {
	Sides    []uint8 // per operand: 0 not compared, 1 or 2 its group
	Interval bool    // group 1 is an interval holding group 2
}

func (*MatchFact) AFact() {}

func (f *MatchFact) String() string {
	if f.Interval {
		return fmt.Sprintf("interval%v", f.Sides)
	}
	return fmt.Sprintf("match%v", f.Sides)
}

// opSet is a set of operands (bit i: operand i) or, for a guard in a map
// loop, of sides (elementSide, outsideSide).
type opSet uint64

const (
	elementSide opSet = 1 << iota
	outsideSide
)

// A match is a comparison between two disjoint groups; with interval, a
// bounds b from both sides.
type match struct {
	a, b     opSet
	interval bool
}

func pair(a, b opSet, interval bool) (match, bool) {
	return match{a, b, interval}, a != 0 && b != 0 && a&b == 0
}

// lookup reports whether cond holds for at most one element of the loop:
// one of its conjuncts compares the element with a value from outside,
// with the element as the interval when it is an interval.
func (s *scan) lookup(cond ast.Expr) bool {
	side := func(e ast.Expr) opSet {
		if s.taintedExpr(e) {
			return elementSide
		}
		if tv, ok := s.c.info.Types[e]; ok && (tv.IsNil() || tv.Value != nil && isKind(tv.Type, types.IsBoolean)) {
			// err == nil, ok == true: a property many elements can
			// have, not an identity.
			return 0
		}
		return outsideSide
	}
	m, ok := s.c.matchOf(cond, side)
	return ok && (!m.interval || m.a == elementSide)
}

// matchOf finds, among the conjuncts of e, a comparison between two
// disjoint groups of operands, as ops sorts them.
func (c *checker) matchOf(e ast.Expr, ops func(ast.Expr) opSet) (match, bool) {
	cs := conjuncts(e)
	for _, x := range cs {
		switch x := x.(type) {
		case *ast.BinaryExpr:
			if x.Op == token.EQL {
				if m, ok := pair(ops(x.X), ops(x.Y), false); ok {
					return m, true
				}
			}
		case *ast.CallExpr:
			if m, ok := c.callMatch(x, ops); ok {
				return m, true
			}
		}
	}
	return intervalOf(cs, ops)
}

// callMatch judges a call to an equality (an Equal row of internal/apis,
// an Equal method) or to a predicate with a MatchFact as the comparison it
// makes of its operands.
func (c *checker) callMatch(call *ast.CallExpr, ops func(ast.Expr) opSet) (match, bool) {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return match{}, false
	}
	operands := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			operands = append([]ast.Expr{sel.X}, call.Args...)
		}
	}
	if c.isEqualCall(call) {
		if len(operands) != 2 {
			return match{}, false
		}
		return pair(ops(operands[0]), ops(operands[1]), false)
	}
	f := c.matchFact(fn.Origin())
	if f == nil || len(operands) != len(f.Sides) {
		return match{}, false
	}
	var a, b opSet
	for i, side := range f.Sides {
		switch side {
		case 1:
			a |= ops(operands[i])
		case 2:
			b |= ops(operands[i])
		}
	}
	return pair(a, b, f.Interval)
}

// intervalOf finds, among the comparisons cs, a value bounded from below
// and from above by values of another group (off >= v.Start && off <
// v.End), both bounds from that group.
func intervalOf(cs []ast.Expr, ops func(ast.Expr) opSet) (match, bool) {
	type bounds struct {
		point  string
		p      opSet
		lo, hi opSet
	}
	var all []*bounds // in source order, so that the answer is deterministic
	add := func(point, other ast.Expr, lower bool) {
		key := types.ExprString(point)
		var b *bounds
		for _, x := range all {
			if x.point == key {
				b = x
			}
		}
		if b == nil {
			b = &bounds{point: key, p: ops(point)}
			all = append(all, b)
		}
		if lower {
			b.lo |= ops(other)
		} else {
			b.hi |= ops(other)
		}
	}
	for _, x := range cs {
		bin, ok := ast.Unparen(x).(*ast.BinaryExpr)
		if !ok {
			continue
		}
		switch bin.Op {
		case token.GTR, token.GEQ: // X above Y: Y is a lower bound of X
			add(bin.X, bin.Y, true)
			add(bin.Y, bin.X, false)
		case token.LSS, token.LEQ:
			add(bin.X, bin.Y, false)
			add(bin.Y, bin.X, true)
		}
	}
	for _, b := range all {
		if b.lo == 0 || b.hi == 0 || (b.lo|b.hi)&b.p != 0 {
			continue
		}
		if m, ok := pair(b.lo|b.hi, b.p, true); ok {
			return m, true
		}
	}
	return match{}, false
}

// matchFact returns the MatchFact of fn: computed in this run for a
// function of the package, imported otherwise.
func (c *checker) matchFact(fn *types.Func) *MatchFact {
	if fn.Pkg() == c.pass.Pkg {
		return c.matches[fn]
	}
	f := new(MatchFact)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// computeMatchFacts summarises the predicates of the package (a helper
// may call another, so it iterates until nothing new is found) and
// exports their facts.
func (c *checker) computeMatchFacts() {
	var decls []funcDecl
	for _, d := range c.decls {
		if singleReturn(d.fd) != nil {
			decls = append(decls, d)
		}
	}
	for range 4 {
		changed := false
		for _, d := range decls {
			if c.matches[d.obj] != nil {
				continue
			}
			if f := c.summariseMatch(d.obj, d.fd); f != nil {
				c.matches[d.obj] = f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, d := range decls {
		if c.matches[d.obj] != nil {
			c.pass.ExportObjectFact(d.obj, c.matches[d.obj])
		}
	}
}

// singleReturn returns the expression of a function whose body is one
// return of one value, or nil.
func singleReturn(fd *ast.FuncDecl) ast.Expr {
	if fd.Body == nil || len(fd.Body.List) != 1 {
		return nil
	}
	r, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(r.Results) != 1 {
		return nil
	}
	return r.Results[0]
}

// summariseMatch returns the MatchFact of fn, declared by fd, or nil when
// its body is not a comparison of its operands.
func (c *checker) summariseMatch(fn *types.Func, fd *ast.FuncDecl) *MatchFact {
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() || sig.Results().Len() != 1 || !isKind(sig.Results().At(0).Type(), types.IsBoolean) {
		return nil
	}
	index := make(map[types.Object]int)
	if sig.Recv() != nil {
		index[sig.Recv()] = 0
	}
	for i := range sig.Params().Len() {
		index[sig.Params().At(i)] = len(index)
	}
	n := len(index)
	if n == 0 || n > 64 {
		return nil
	}
	ops := func(e ast.Expr) opSet {
		var set opSet
		ast.Inspect(e, func(x ast.Node) bool {
			if id, ok := x.(*ast.Ident); ok {
				if i, ok := index[c.info.Uses[id]]; ok {
					set |= 1 << i
				}
			}
			_, lit := x.(*ast.FuncLit)
			return !lit
		})
		return set
	}
	m, ok := c.matchOf(singleReturn(fd), ops)
	if !ok {
		return nil
	}
	sides := make([]uint8, n)
	for i := range sides {
		switch {
		case m.a&(1<<i) != 0:
			sides[i] = 1
		case m.b&(1<<i) != 0:
			sides[i] = 2
		}
	}
	return &MatchFact{Sides: sides, Interval: m.interval}
}
