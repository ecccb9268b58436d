package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// This file decides when a statement in a map loop runs for at most one
// entry because it is guarded by an equality between the loop's key and a
// value that is the same in every iteration (if path == want { out = c +
// out }; switch k { case name: ... }). A map's keys are distinct, so at
// most one of them equals that value: whatever the statement appends,
// concatenates, writes or prints, it does so once, and no order between
// entries reaches it. The rule is about the key only: a value is not
// distinct (if v.Kind == kind { out = append(out, k) } filters many
// entries, and stays reported), and the compared value must not change
// between iterations (k == names[i] with i++ in the loop can match
// several keys): it is built only from constants, variables the loop
// neither declares nor assigns, and calls of functions of the package
// whose result depends on their arguments alone (pureFunc). yq's HCL
// encoder prepends the one comment stored under joinCommentPath("__root__",
// "head") this way.

// keyLookup reports whether the node at the top of stack runs only for
// the entry whose key equals a loop-invariant value.
func (s *scan) keyLookup(stack []ast.Node) bool {
	if s.mode != elemMode || s.key == nil || s.loop == nil || s.assignsIn(s.loop.Body, s.key) {
		return false
	}
	for i, n := range stack {
		switch n := n.(type) {
		case *ast.IfStmt:
			if i+1 < len(stack) && stack[i+1] == n.Body {
				for _, x := range conjuncts(n.Cond) {
					if b, ok := x.(*ast.BinaryExpr); ok && b.Op == token.EQL && (s.keyEquals(b.X, b.Y) || s.keyEquals(b.Y, b.X)) {
						return true
					}
				}
			}
		case *ast.CaseClause:
			// switch k { case name: }: one expression only, as two
			// would let two keys in.
			if i >= 2 && len(n.List) == 1 {
				if sw, ok := stack[i-2].(*ast.SwitchStmt); ok && sw.Tag != nil && s.keyEquals(sw.Tag, n.List[0]) {
					return true
				}
			}
		}
	}
	return false
}

// keyEquals reports whether k is the loop's key and x a value the loop
// does not change.
func (s *scan) keyEquals(k, x ast.Expr) bool {
	id, ok := ast.Unparen(k).(*ast.Ident)
	return ok && s.c.info.Uses[id] == s.key && s.invariant(x, 0)
}

// invariant reports whether e has the same value in every iteration of
// the loop: constants, local variables declared outside the loop that it
// does not assign (nor take the address of), fields and operators of such, conversions, len and cap, and
// calls of pure functions of the package (pureFunc) with invariant
// arguments.
func (s *scan) invariant(e ast.Expr, depth int) bool {
	info := s.c.info
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return false // a variable of a package: a call in the loop may set it
		}
		inLoop := v.Pos() >= s.loop.Pos() && v.Pos() < s.loop.End()
		return !inLoop && !s.tainted[v] && !s.assignsIn(s.loop.Body, v)
	case *ast.SelectorExpr:
		if _, isPkg := info.Uses[identOf(e.X)].(*types.PkgName); isPkg {
			return false // a variable of a package: a call in the loop may set it
		}
		sel := info.Selections[e]
		return sel != nil && sel.Kind() == types.FieldVal && s.invariant(e.X, depth)
	case *ast.BinaryExpr:
		return s.invariant(e.X, depth) && s.invariant(e.Y, depth)
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && s.invariant(e.X, depth)
	case *ast.CallExpr:
		for _, a := range e.Args {
			if !s.invariant(a, depth) {
				return false
			}
		}
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 // a conversion
		}
		if b, ok := info.Uses[identOf(e.Fun)].(*types.Builtin); ok {
			return b.Name() == "len" || b.Name() == "cap"
		}
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		return ok && fn.Type().(*types.Signature).Recv() == nil && s.c.pureFunc(fn, depth)
	}
	return false
}

// maxPureDepth bounds how deep pureFunc follows calls of other pure
// functions.
const maxPureDepth = 3

// pureFunc reports whether fn, a function of the package, computes its
// result from its arguments alone: its body is only ifs and returns, over
// its parameters, constants, operators, conversions and calls of such
// functions (joinCommentPath(prefix, segment) returns segment when prefix
// is empty, else prefix + sep + segment). Two calls with equal arguments
// return equal results.
func (c *checker) pureFunc(fn *types.Func, depth int) bool {
	if depth >= maxPureDepth || fn.Pkg() != c.pass.Pkg {
		return false
	}
	var fd *ast.FuncDecl
	for _, d := range c.decls {
		if d.obj == fn {
			fd = d.fd
		}
	}
	if fd == nil || fd.Type.TypeParams != nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	params := make(map[types.Object]bool)
	for v := range sig.Params().Variables() {
		params[v] = true
	}
	return c.pureStmts(fd.Body.List, params, depth)
}

func (c *checker) pureStmts(list []ast.Stmt, params map[types.Object]bool, depth int) bool {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.ReturnStmt:
			for _, r := range st.Results {
				if !c.pureExpr(r, params, depth) {
					return false
				}
			}
		case *ast.IfStmt:
			if st.Init != nil || !c.pureExpr(st.Cond, params, depth) || !c.pureStmts(st.Body.List, params, depth) {
				return false
			}
			if st.Else != nil && !c.pureStmts([]ast.Stmt{st.Else}, params, depth) {
				return false
			}
		case *ast.BlockStmt:
			if !c.pureStmts(st.List, params, depth) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (c *checker) pureExpr(e ast.Expr, params map[types.Object]bool, depth int) bool {
	info := c.info
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return params[info.Uses[e]]
	case *ast.BinaryExpr:
		return c.pureExpr(e.X, params, depth) && c.pureExpr(e.Y, params, depth)
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && c.pureExpr(e.X, params, depth)
	case *ast.CallExpr:
		for _, a := range e.Args {
			if !c.pureExpr(a, params, depth) {
				return false
			}
		}
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1
		}
		if b, ok := info.Uses[identOf(e.Fun)].(*types.Builtin); ok {
			return b.Name() == "len"
		}
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		return ok && fn.Type().(*types.Signature).Recv() == nil && c.pureFunc(fn, depth+1)
	}
	return false
}
