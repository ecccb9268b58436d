package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

// An IterFact marks a function that returns an iterator (iter.Seq or
// iter.Seq2) which yields the entries of a map in map order: a
// range-over-func adaptor that only forwards the order. A range over its
// result is judged like a range over the map.
//
// Example: for
//
//	func (s *Set) All() iter.Seq[string] {
//		return func(yield func(string) bool) {
//			for k := range s.m {
//				if !yield(k) {
//					return
//				}
//			}
//		}
//	}
//
// All gets the fact, printed as `yields map order`.
type IterFact struct{}

func (*IterFact) AFact() {}

func (*IterFact) String() string { return "yields map order" }

// computeIterFacts finds the adaptors declared in the package.
func (c *checker) computeIterFacts() {
	for _, d := range c.decls {
		if c.isMapAdaptor(d.fd) {
			c.iters[d.obj] = true
			c.pass.ExportObjectFact(d.obj, new(IterFact))
		}
	}
}

// isMapAdaptor reports whether fd returns a function literal whose body
// ranges over a map and calls its yield parameter with the loop's key or
// value.
func (c *checker) isMapAdaptor(fd *ast.FuncDecl) bool {
	if fd.Type.Results == nil || len(fd.Type.Results.List) != 1 {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if found || !ok || len(ret.Results) != 1 {
			return !found
		}
		lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit)
		if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
			return true
		}
		yield := c.info.Defs[lit.Type.Params.List[0].Names[0]]
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			rs, ok := n.(*ast.RangeStmt)
			if found || !ok {
				return !found
			}
			loop := maploop.Of(c.info, rs)
			if loop == nil {
				return true
			}
			ast.Inspect(rs.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if found || !ok {
					return !found
				}
				if id := identOf(call.Fun); id == nil || yield == nil || c.info.Uses[id] != yield {
					return true
				}
				for _, a := range call.Args {
					for _, obj := range []types.Object{loop.Key, loop.Value} {
						if obj != nil && c.usedIn(obj, a) {
							found = true
						}
					}
				}
				return !found
			})
			return !found
		})
		return !found
	})
	return found
}

// adaptorLoop returns rs as a map loop if it ranges over the result of a
// call to a map adaptor (see IterFact), or nil.
func (c *checker) adaptorLoop(rs *ast.RangeStmt) *maploop.Loop {
	call, ok := ast.Unparen(rs.X).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if !c.iters[fn] {
			return nil
		}
	} else if !c.pass.ImportObjectFact(fn, new(IterFact)) {
		return nil
	}
	l := &maploop.Loop{Range: rs, Kind: maploop.Native}
	for i, e := range []ast.Expr{rs.Key, rs.Value} {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if e == nil || !ok || id.Name == "_" {
			continue
		}
		obj := c.info.Defs[id]
		if obj == nil {
			obj = c.info.Uses[id]
		}
		if i == 0 {
			l.Key = obj
		} else {
			l.Value = obj
		}
	}
	return l
}
