package iterorder

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// A SortFact marks a function that sorts one of its parameters (or its
// receiver) in place: its body calls a Sort row of internal/apis on it, or
// a function with the fact. A call of it is a sort, also from another
// package (helm's List.sort calls releaseutil.SortByName(rels), which
// sorts through sort.Sort(ByName{list})).
//
// Example: for
//
//	func SortByName(list []*Release) { sort.Sort(ByName{list}) }
//
// the fact is {Param: 0}, printed as `sorts 0`; Param is apis.Recv (-1)
// for the receiver.
type SortFact struct {
	Param int
}

func (*SortFact) AFact() {}

func (f *SortFact) String() string { return fmt.Sprintf("sorts %d", f.Param) }

// sorterParam reports whether fn sorts one of its operands, and which: a
// function of this package found by sorters, or one with a SortFact.
func (c *checker) sorterParam(fn *types.Func) (int, bool) {
	if fn.Pkg() == c.pass.Pkg {
		if c.sorterFns == nil {
			c.sorters()
		}
		i, ok := c.sorterFns[fn]
		return i, ok
	}
	f := new(SortFact)
	if c.pass.ImportObjectFact(fn, f) {
		return f.Param, true
	}
	return 0, false
}

// exportSorters exports a SortFact for each sorter of the package.
func (c *checker) exportSorters() {
	for _, d := range c.decls {
		if i, ok := c.sorters()[d.obj]; ok {
			c.pass.ExportObjectFact(d.obj, &SortFact{Param: i})
		}
	}
}

// sorters returns the functions of the package that sort one of their
// parameters (or their receiver, apis.Recv) in place: their body calls a
// sort on it (func (units) sortUnits(u []string) { sort.Strings(u) }). It
// is computed once per run, two rounds deep (a helper of a helper).
func (c *checker) sorters() map[*types.Func]int {
	if c.sorterFns != nil {
		return c.sorterFns
	}
	c.sorterFns = make(map[*types.Func]int)
	for range 2 {
		for _, d := range c.decls {
			if _, done := c.sorterFns[d.obj]; done {
				continue
			}
			if i, ok := c.sortsParam(d.fd, d.obj); ok {
				c.sorterFns[d.obj] = i
			}
		}
	}
	return c.sorterFns
}

// sortsParam reports whether fd's body sorts one of its parameters or its
// receiver in place, and which.
func (c *checker) sortsParam(fd *ast.FuncDecl, obj *types.Func) (int, bool) {
	sig := obj.Type().(*types.Signature)
	idx, found := 0, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		x := c.sortedIn(n, obj)
		if x == nil {
			return true
		}
		v := c.info.Uses[identOf(stripConv(c.info, x))]
		if v == nil {
			return true
		}
		if sig.Recv() == v {
			idx, found = apis.Recv, true
		}
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == v {
				idx, found = i, true
			}
		}
		return !found
	})
	return idx, found
}

// sortedIn returns what n sorts in place: the operand of a sort call (an
// apis Sort row, or a sorter of the package other than self), or the
// slice a for statement sorts by exchanges (exchange.go); nil otherwise.
func (c *checker) sortedIn(n ast.Node, self *types.Func) ast.Expr {
	switch n := n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return c.exchangeSorted(n)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, n).(*types.Func)
		if fn == nil || fn.Origin() == self {
			return nil
		}
		var x ast.Expr
		if r, ok := apis.Find(fn.Origin(), apis.Sort); ok {
			x, _ = operand(n, r.Arg)
		} else if i, ok := c.sorterParam(fn.Origin()); ok {
			x, _ = operand(n, i)
		}
		return x
	}
	return nil
}
