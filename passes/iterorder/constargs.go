package iterorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
)

// unreachedBy reports whether the return statement r of fn never runs in
// the call call, given the constants call passes: a condition of fn on
// parameters that call sets to constants (and that fn never assigns)
// takes another way on every path to r. Either r is inside an if whose
// condition is then false (or in its else, the condition true), or an
// if before it, in a block around it, is then true and its body ends in
// a return or a call that never returns. amqp091-go's
// getTopologyConfiguration(channelID, global) merges every channel's
// bindings in map order only when global is true; its tests and its
// recovery call it with false, which returns one channel's clone first.
//
// Each call is judged on its own: a call this rule drops sees none of
// r's results, whatever other calls (seen or not) do.
func (c *checker) unreachedBy(fn *funcInfo, r *ast.ReturnStmt, call *ast.CallExpr) bool {
	vals := c.constParams(fn, call)
	if len(vals) == 0 {
		return false
	}
	cur, ok := c.ins.Root().FindNode(r)
	if !ok {
		return false
	}
	for ; cur.Node() != fn.body && cur.Node() != fn.node; cur = cur.Parent() {
		switch p := cur.Parent().Node().(type) {
		case *ast.IfStmt:
			k := cur.ParentEdgeKind()
			if v, known := c.evalWith(p.Cond, vals); known && (k == edge.IfStmt_Body && !v || k == edge.IfStmt_Else && v) {
				return true
			}
		case *ast.BlockStmt:
			for _, s := range p.List {
				if s == cur.Node() {
					break
				}
				if ifs, ok := s.(*ast.IfStmt); ok && c.endsFunction(ifs.Body) {
					if v, known := c.evalWith(ifs.Cond, vals); known && v {
						return true
					}
				}
			}
		}
	}
	return false
}

// constParams returns the parameters of fn that call sets to a constant
// and that fn never assigns nor takes the address of.
func (c *checker) constParams(fn *funcInfo, call *ast.CallExpr) map[types.Object]constant.Value {
	if fn.sig == nil || fn.body == nil || call.Ellipsis.IsValid() {
		return nil
	}
	var vals map[types.Object]constant.Value
	for i, a := range call.Args {
		if i >= fn.sig.Params().Len() || fn.sig.Variadic() && i >= fn.sig.Params().Len()-1 {
			break
		}
		if tv, ok := c.info.Types[a]; ok && tv.Value != nil {
			if vals == nil {
				vals = make(map[types.Object]constant.Value)
			}
			vals[fn.sig.Params().At(i)] = tv.Value
		}
	}
	if vals != nil {
		c.dropAssigned(fn.body, vals)
	}
	return vals
}

// dropAssigned removes from vals the variables that body assigns, or
// whose address it takes.
func (c *checker) dropAssigned(body *ast.BlockStmt, vals map[types.Object]constant.Value) {
	drop := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			delete(vals, c.info.Uses[id])
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				drop(l)
			}
		case *ast.IncDecStmt:
			drop(n.X)
		case *ast.RangeStmt:
			drop(n.Key)
			drop(n.Value)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				drop(n.X)
			}
		}
		return true
	})
}

// endsFunction reports whether body, once entered, leaves the function:
// its last statement is a return or a call that never returns.
func (c *checker) endsFunction(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		return ok && c.neverReturns(call)
	}
	return false
}

// evalWith evaluates the boolean condition e with the constants vals for
// some variables; known is false when e depends on anything else.
func (c *checker) evalWith(e ast.Expr, vals map[types.Object]constant.Value) (v, known bool) {
	x, ok := c.constWith(e, vals)
	if !ok || x.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(x), true
}

func (c *checker) constWith(e ast.Expr, vals map[types.Object]constant.Value) (constant.Value, bool) {
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return tv.Value, true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.constWith(e.X, vals)
	case *ast.Ident:
		v, ok := vals[c.info.Uses[e]]
		return v, ok
	case *ast.UnaryExpr:
		if x, ok := c.constWith(e.X, vals); ok && e.Op == token.NOT && x.Kind() == constant.Bool {
			return constant.UnaryOp(e.Op, x, 0), true
		}
	case *ast.BinaryExpr:
		return c.binaryWith(e, vals)
	}
	return nil, false
}

// binaryWith evaluates a comparison of constants, or && and || as far as
// one known operand decides them.
func (c *checker) binaryWith(e *ast.BinaryExpr, vals map[types.Object]constant.Value) (constant.Value, bool) {
	x, okx := c.constWith(e.X, vals)
	y, oky := c.constWith(e.Y, vals)
	switch e.Op {
	case token.LAND, token.LOR:
		decides := constant.MakeBool(e.Op == token.LOR) // false decides &&, true decides ||
		for _, side := range []struct {
			v  constant.Value
			ok bool
		}{{x, okx}, {y, oky}} {
			if side.ok && constant.Compare(side.v, token.EQL, decides) {
				return decides, true
			}
		}
		if okx && oky {
			return constant.BinaryOp(x, e.Op, y), true
		}
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		if okx && oky && x.Kind() == y.Kind() {
			return constant.MakeBool(constant.Compare(x, e.Op, y)), true
		}
	}
	return nil, false
}
