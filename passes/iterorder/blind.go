package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// This file decides when a function of the package computes its result
// without looking at the order of a sequence it is given: the parameter
// (or receiver) is used only as the operand of a membership test (an
// OrderFree row of internal/apis: slices.Contains), of len, or of a range
// that is an any/all reduction, whose body only tests the element and
// returns one and the same constant wherever it returns (rain's
// slice.Mode returns Involved as soon as an element has changed, and
// Unchanged after the loop). Whichever element comes first, the answer
// is the same: a list built in map order and handed to such a function
// does not put its order in the call's result. oasdiff's mergeProps
// tests each property with slices.Contains(propsToMerge, key); rain's
// dmap.Mode collects its values only to call slice.Mode on them. A
// function that returns an element, or a value it assigned in the loop,
// or that does anything else with the sequence, is not order-blind, and
// its result carries the order as before.

// A blindKey names a parameter of a function: Index -1 is the receiver.
type blindKey struct {
	fn    *types.Func
	index int
}

// orderBlind reports whether the result of fn does not depend on the
// order of its operand index (-1: the receiver). Only functions of the
// package, whose bodies are seen, are judged.
func (c *checker) orderBlind(fn *types.Func, index int) bool {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	k := blindKey{fn, index}
	if b, ok := c.blind[k]; ok {
		return b
	}
	if c.blind == nil {
		c.blind = make(map[blindKey]bool)
	}
	c.blind[k] = c.judgeBlind(fn, index)
	return c.blind[k]
}

func (c *checker) judgeBlind(fn *types.Func, index int) bool {
	var fd *ast.FuncDecl
	for _, d := range c.decls {
		if d.obj == fn {
			fd = d.fd
		}
	}
	sig := fn.Type().(*types.Signature)
	var param *types.Var
	switch {
	case index < 0:
		param = sig.Recv()
	case index < sig.Params().Len() && !(sig.Variadic() && index == sig.Params().Len()-1):
		param = sig.Params().At(index)
	}
	if fd == nil || param == nil {
		return false
	}
	switch param.Type().Underlying().(type) {
	case *types.Slice, *types.Array:
	default:
		return false
	}
	allowed := make(map[*ast.Ident]bool)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if id := identOf(n.X); id != nil && c.info.Uses[id] == param && c.anyReduction(n) {
				allowed[id] = true
			}
		case *ast.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			id := identOf(n.Args[0])
			if id == nil || c.info.Uses[id] != param {
				return true
			}
			if b, ok := c.info.Uses[identOf(n.Fun)].(*types.Builtin); ok && b.Name() == "len" {
				allowed[id] = true
			} else if callee, ok := typeutil.Callee(c.info, n).(*types.Func); ok && c.orderFreeFunc(callee) && types.Identical(c.info.TypeOf(n), types.Typ[types.Bool]) {
				allowed[id] = true // slices.Contains(list, x): a yes or no
			}
		}
		return true
	})
	blind := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == param && !allowed[id] {
			blind = false
		}
		return blind
	})
	return blind
}

// anyReduction reports whether the range statement rs only tests each
// element and returns one and the same list of constants wherever it
// returns: for _, v := range s { if v.Mode() != Unchanged { return
// Involved } }. It assigns nothing declared outside the loop, and its
// statements are ifs, returns, breaks, continues and definitions of its
// own variables.
func (c *checker) anyReduction(rs *ast.RangeStmt) bool {
	var want []string
	ok := true
	var walk func(list []ast.Stmt)
	walk = func(list []ast.Stmt) {
		for _, st := range list {
			switch st := st.(type) {
			case *ast.IfStmt:
				if st.Init != nil {
					ok = ok && c.ownDefinition(st.Init, rs)
				}
				walk(st.Body.List)
				if st.Else != nil {
					walk([]ast.Stmt{st.Else})
				}
			case *ast.BlockStmt:
				walk(st.List)
			case *ast.BranchStmt:
				ok = ok && (st.Tok == token.BREAK || st.Tok == token.CONTINUE) && st.Label == nil
			case *ast.ReturnStmt:
				got, isConst := c.constants(st.Results)
				if want == nil {
					want = got
				}
				ok = ok && isConst && len(got) == len(want) && equalStrings(got, want)
			case *ast.AssignStmt:
				ok = ok && c.ownDefinition(st, rs)
			default:
				ok = false
			}
		}
	}
	walk(rs.Body.List)
	return ok
}

// ownDefinition reports whether st defines variables of the loop body
// only (x := v.f).
func (c *checker) ownDefinition(st ast.Stmt, rs *ast.RangeStmt) bool {
	as, ok := st.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return false
	}
	for _, l := range as.Lhs {
		id := identOf(l)
		if id == nil || c.info.Defs[id] == nil && id.Name != "_" {
			return false // := that assigns an outer variable too
		}
	}
	return rs.Body.Pos() < as.Pos()
}

// constants returns the exact values of results, all constants (or nil),
// and whether they are.
func (c *checker) constants(results []ast.Expr) ([]string, bool) {
	out := []string{}
	for _, r := range results {
		tv, ok := c.info.Types[r]
		switch {
		case ok && tv.Value != nil:
			out = append(out, tv.Value.ExactString()+" "+tv.Type.String())
		case ok && tv.IsNil():
			out = append(out, "nil")
		default:
			return nil, false
		}
	}
	return out, true
}

func equalStrings(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
