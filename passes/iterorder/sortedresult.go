package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// A SortedResultFact marks a function that returns what it is given in
// sorted order on at least one path: a result that has the type of one of
// its parameters is, in some return statement, the result of a sorting
// call (a Sorted row of internal/apis, or a function with the fact) or a
// local variable the function sorts in place (a Sort row, or a function
// with a SortFact). It also marks a function whose every return statement
// gives such a sorted value (or nil) as each result that can carry order,
// of any type: a list it derives from its operands, as revive's test
// helper ruleNames copies each rule's Name() into a new slice and sorts
// it (see sortsResult). A call of it clears the
// order of its operands, as a sort on one branch of the caller's own body
// does (see the package doc's known limitations: a sort is recognised
// even on a branch that does not reach every use).
//
// Prometheus's storage.LabelHints.ApplyLimit is the example: it returns
// the smallest values, sorted, when the hints ask for them, and the
// leading ones otherwise; the V1 index reader collects a label's values in
// map order and passes them through it, so a test asking for the smallest
// values and comparing them with a fixed list compares a sorted list.
//
// For
//
//	func smallest(values []string, n int) []string {
//		h := slices.Clone(values)
//		slices.Sort(h)
//		return h[:n]
//	}
//
// the fact is printed as `sortedresult` (h[:n] is not h: only a local
// returned whole, or a sorting call, counts).
type SortedResultFact struct{}

func (*SortedResultFact) AFact() {}

func (*SortedResultFact) String() string { return "sortedresult" }

// returnsSorted reports whether fn returns its operand in sorted order on
// some path: a function of this package found by sortedResults, or one
// with a SortedResultFact.
func (c *checker) returnsSorted(fn *types.Func) bool {
	if fn.Pkg() == c.pass.Pkg {
		return c.sortedResults()[fn]
	}
	return c.pass.ImportObjectFact(fn, new(SortedResultFact))
}

// exportSortedResults exports a SortedResultFact for each function of the
// package that returns its operand sorted on some path.
func (c *checker) exportSortedResults() {
	for _, d := range c.decls {
		if c.sortedResults()[d.obj] {
			c.pass.ExportObjectFact(d.obj, new(SortedResultFact))
		}
	}
}

// sortedResults returns the functions of the package that return their
// operand sorted on some path. It is computed once per run, three rounds
// deep (a helper of a helper: ApplyLimit returns smallestNValues's sorted
// copy).
func (c *checker) sortedResults() map[*types.Func]bool {
	if c.sortedFns != nil {
		return c.sortedFns
	}
	c.sortedFns = make(map[*types.Func]bool)
	for range 3 {
		for _, d := range c.decls {
			if !c.sortedFns[d.obj] && c.sortsResult(d.fd, d.obj) {
				c.sortedFns[d.obj] = true
			}
		}
	}
	return c.sortedFns
}

// sortsResult reports whether fd returns a sorted value: in some return
// statement, as a result whose type is that of one of its parameters
// (what it is given, sorted on that path), or, for a list of another type
// (one it derives from its operands: revive's test helper ruleNames copies
// each rule's Name() into a new slice and sorts it), in every return
// statement (see everySorted).
func (c *checker) sortsResult(fd *ast.FuncDecl, obj *types.Func) bool {
	sig := obj.Type().(*types.Signature)
	if sig.Results().Len() == 0 || fd.Type.Results == nil {
		return false
	}
	found := false
	var returns []*ast.ReturnStmt
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = append(returns, n)
			if found || len(n.Results) != sig.Results().Len() {
				return true // a bare return, or a call returning a tuple
			}
			for i, r := range n.Results {
				if hasParamOfType(sig, sig.Results().At(i).Type()) && c.sortedValue(fd, r) {
					found = true
				}
			}
		}
		return true
	})
	return found || takesOrder(sig) && c.everySorted(fd, sig, returns)
}

// takesOrder reports whether an operand of sig (its receiver or a
// parameter) can carry order: a call of a function given none hands no
// order on whatever it returns, so a fact would say nothing.
func takesOrder(sig *types.Signature) bool {
	if r := sig.Recv(); r != nil && carriesOrder(r.Type()) {
		return true
	}
	for v := range sig.Params().Variables() {
		if carriesOrder(v.Type()) {
			return true
		}
	}
	return false
}

// everySorted reports whether every return statement of fd (returns)
// gives, as each result that can carry order, a sorted value or nil, and
// some return a sorted one: whatever order the operands had, the caller
// gets none. An error result is not asked about (an error built from the
// operands in order is a known miss), nor one that carries no order.
func (c *checker) everySorted(fd *ast.FuncDecl, sig *types.Signature, returns []*ast.ReturnStmt) bool {
	sorted := false
	for _, ret := range returns {
		if len(ret.Results) != sig.Results().Len() {
			return false // a bare return, or a call returning a tuple
		}
		for i, r := range ret.Results {
			t := sig.Results().At(i).Type()
			if !carriesOrder(t) || types.IsInterface(t) && implementsError(t) || c.isNil(r) {
				continue
			}
			if !c.sortedValue(fd, r) {
				return false
			}
			sorted = true
		}
	}
	return sorted
}

// isNil reports whether e is the predeclared nil.
func (c *checker) isNil(e ast.Expr) bool {
	id := identOf(e)
	return id != nil && c.info.Uses[id] == types.Universe.Lookup("nil")
}

// sortedValue reports whether e, returned by fd, is sorted: a call that
// returns its operand sorted (a Sorted row, or a function with the fact),
// or a local variable of fd that fd sorts in place somewhere in its body.
func (c *checker) sortedValue(fd *ast.FuncDecl, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if x, ok := c.isSortCall(call); ok && types.Identical(c.info.TypeOf(x), c.info.TypeOf(call)) {
			return true // opa's util.Sorted(s): slices.Sort(s); return s
		}
		return c.isSortedResult(call)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pos() < fd.Body.Pos() || v.Pos() >= fd.Body.End() {
		return false // a parameter, a named result or an outer variable
	}
	sorted := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if sorted || !ok {
			return !sorted
		}
		if x, ok := c.isSortCall(call); ok {
			if xid := identOf(stripConv(c.info, x)); xid != nil && c.info.Uses[xid] == v {
				sorted = true
			}
		}
		return !sorted
	})
	return sorted
}

// hasParamOfType reports whether sig has a parameter of type t, or, when
// t is a slice, a sequence of its elements (iter.Seq[E] for []E: opa's
// levenshtein.ClosestStrings returns, sorted, the candidates it is given
// as a sequence).
func hasParamOfType(sig *types.Signature, t types.Type) bool {
	for p := range sig.Params().Variables() {
		if types.Identical(p.Type(), t) || isSeqOf(p.Type(), t) {
			return true
		}
	}
	return false
}

// isSeqOf reports whether p is iter.Seq[E] and t a slice of E.
func isSeqOf(p, t types.Type) bool {
	n, ok := types.Unalias(p).(*types.Named)
	sl, isSlice := t.Underlying().(*types.Slice)
	if !ok || !isSlice || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "iter" || n.Obj().Name() != "Seq" || n.TypeArgs().Len() != 1 {
		return false
	}
	return types.Identical(n.TypeArgs().At(0), sl.Elem())
}

// isSortedResult reports whether call returns what it is given in sorted
// order (a Sorted row: slices.Sorted; or a function with a
// SortedResultFact: on some path, or a derived list on every path), so its
// result no longer carries map order.
func (c *checker) isSortedResult(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	if _, ok := apis.Find(fn.Origin(), apis.Sorted); ok {
		return true
	}
	return c.returnsSorted(fn.Origin())
}
