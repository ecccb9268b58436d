package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file recognises a hand-written exchange sort: two nested loops
// whose inner body swaps two elements of one slice (s[a], s[b] = s[b],
// s[a]) under a comparison (<, <=, >, >=) of those two elements, read
// directly or through variables the inner body defines from them. That
// is the shape of every sort by exchanges (bubble sort, selection and
// insertion sorts by swaps): each swap puts a pair in the order the
// comparison asks for, and the nested loops repeat it over the slice.
// resty's dumpCurlHeaders collects a request's headers in map order and
// sorts them by name with a bubble sort. It clears the order of the slice
// as a sort call does (with the same limitation: it is not checked that
// the loops' bounds cover the whole slice), and a function that sorts a
// parameter this way is a sorter (SortFact), as one calling sort.Slice on
// it is.

// loopBody returns the body of a for or range statement, or nil.
func loopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

// exchangeSorted returns the slice that the loop fs (a for or range
// statement) sorts by exchanges, or nil.
func (c *checker) exchangeSorted(fs ast.Node) ast.Expr {
	outer := loopBody(fs)
	if outer == nil {
		return nil
	}
	var sorted ast.Expr
	ast.Inspect(outer, func(n ast.Node) bool {
		inner := loopBody(n)
		if sorted != nil || inner == nil {
			return sorted == nil
		}
		ast.Inspect(inner, func(m ast.Node) bool {
			ifs, ok := m.(*ast.IfStmt)
			if sorted != nil || !ok {
				return sorted == nil
			}
			for _, st := range ifs.Body.List {
				if x := swapOf(st); x != nil && c.comparesElements(ifs.Cond, x, inner) {
					sorted = x
				}
			}
			return sorted == nil
		})
		return sorted == nil
	})
	return sorted
}

// swapOf returns s when st is s[a], s[b] = s[b], s[a].
func swapOf(st ast.Stmt) ast.Expr {
	as, ok := st.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 2 || len(as.Rhs) != 2 {
		return nil
	}
	l0, ok0 := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
	l1, ok1 := ast.Unparen(as.Lhs[1]).(*ast.IndexExpr)
	if !ok0 || !ok1 || types.ExprString(l0.X) != types.ExprString(l1.X) || types.ExprString(l0.Index) == types.ExprString(l1.Index) {
		return nil
	}
	if types.ExprString(as.Rhs[0]) != types.ExprString(l1) || types.ExprString(as.Rhs[1]) != types.ExprString(l0) {
		return nil
	}
	return l0.X
}

// comparesElements reports whether cond is an ordering comparison whose
// two sides both read elements of s, directly (s[j][0] < s[j-1][0]) or
// through variables that body defines from them (h1, h2 := s[j], s[jj];
// h1[0] < h2[0]).
func (c *checker) comparesElements(cond ast.Expr, s ast.Expr, body *ast.BlockStmt) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LSS, token.GTR, token.LEQ, token.GEQ:
	default:
		return false
	}
	name := types.ExprString(s)
	fromS := make(map[types.Object]bool)
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, l := range as.Lhs {
			if ix, ok := ast.Unparen(as.Rhs[i]).(*ast.IndexExpr); ok && types.ExprString(ix.X) == name {
				fromS[c.info.Defs[identOf(l)]] = true
			}
		}
	}
	reads := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IndexExpr:
				found = found || types.ExprString(n.X) == name
			case *ast.Ident:
				found = found || fromS[c.info.Uses[n]]
			}
			return !found
		})
		return found
	}
	return reads(b.X) && reads(b.Y)
}

// exchangeSort clears the order of the slice a for or range statement
// after the map loop sorts by exchanges: the variable itself, or the slice the loop
// filled, as for a sort call.
func (s *scan) exchangeSort(fs ast.Node) {
	x := s.c.exchangeSorted(fs)
	if x == nil {
		return
	}
	if obj, direct := s.root(x); obj != nil && s.tainted[obj] && (direct || types.ExprString(x) == s.accExpr) {
		delete(s.tainted, obj)
	}
}
