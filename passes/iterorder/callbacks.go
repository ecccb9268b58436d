package iterorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// Functions handed to a package that uses their lists in any order.
//
// cobra calls a completion function for candidates and lets the shell sort
// them unless the ShellCompDirective returned with them carries
// ShellCompDirectiveKeepOrder (the OrderFreeResults, OrderFreeResultsField
// and KeepOrder rows of internal/apis). stern's contextCompletionFunc
// returns a literal that ranges over kubeconfig's contexts and returns the
// names with ShellCompDirectiveNoFileComp; the shell shows them sorted, so
// their map order is seen by no one. With a directive that may carry the
// bit (a constant that has it, or a value computed at run time) the shell
// shows them as returned, and the order is the program's.
//
// A function counts as handed when every use of it in the package hands
// it to such a row: a literal passed as the argument or stored in the
// field, through a local variable it initialises, or returned by an
// unexported function whose every call is so handed (stern's factories);
// a declared function or method whose every reference is so handed. Any
// other use (a call here, a store elsewhere) may show the list, and the
// finding stays.

// orderFreeResult reports whether result idx of fn, returned at r, goes
// only to packages that use it in any order: fn is handed to them (see
// above), and every result of r whose type is their KeepOrder constant's
// is a constant without its bits.
func (c *checker) orderFreeResult(fn *funcInfo, idx int, r *ast.ReturnStmt) bool {
	if fn.sig == nil || idx >= fn.sig.Results().Len() || !c.importsCallbackTaker() {
		return false
	}
	pkgs, ok := c.handedFunc(fn)
	if !ok {
		return false
	}
	for _, pkg := range pkgs {
		if !c.keepsNoOrder(fn.sig, idx, r, apis.KeepOrderFlag(pkg)) {
			return false
		}
	}
	return true
}

// importsCallbackTaker reports whether the package imports one with
// OrderFreeResults rows: a cheap test before looking for uses.
func (c *checker) importsCallbackTaker() bool {
	for _, p := range c.pass.Pkg.Imports() {
		if apis.HandsCallbacks(p.Path()) {
			return true
		}
	}
	return false
}

// keepsNoOrder reports whether r returns, in every result of sig other
// than idx whose type is flag's, a constant without flag's bits. A nil
// flag (the package declares none) keeps no order whatever is returned.
func (c *checker) keepsNoOrder(sig *types.Signature, idx int, r *ast.ReturnStmt, flag *types.Const) bool {
	if flag == nil {
		return true
	}
	results := sig.Results()
	if len(r.Results) != results.Len() {
		return false // a bare return, or a call's results: not constants here
	}
	for i := range results.Len() {
		if i == idx || !types.Identical(results.At(i).Type(), flag.Type()) {
			continue
		}
		tv, ok := c.info.Types[r.Results[i]]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		if constant.Sign(constant.BinaryOp(tv.Value, token.AND, flag.Val())) != 0 {
			return false
		}
	}
	return true
}

// handedFunc returns the packages of the rows fn is handed to, when every
// use of fn is such a handing.
func (c *checker) handedFunc(fn *funcInfo) ([]*types.Package, bool) {
	if lit, ok := fn.node.(*ast.FuncLit); ok {
		cur, ok := c.ins.Root().FindNode(lit)
		if !ok {
			return nil, false
		}
		return c.handedLiteral(cur)
	}
	if fn.obj == nil || fn.obj.Exported() {
		return nil, false // exported: other packages may call it
	}
	return c.handedRefs(fn.obj, false)
}

// handedLiteral returns the packages the literal at cur is handed to:
// directly, through the local variable it initialises, or as the result
// of the unexported function that returns it.
func (c *checker) handedLiteral(cur inspector.Cursor) ([]*types.Package, bool) {
	if pkg := c.handedTo(cur); pkg != nil {
		return []*types.Package{pkg}, true
	}
	if v := c.initialisedVar(cur); v != nil {
		body, ok := c.enclosingBody(cur)
		if !ok {
			return nil, false
		}
		var pkgs []*types.Package
		for use := range body.Preorder((*ast.Ident)(nil)) {
			if c.info.Uses[use.Node().(*ast.Ident)] != v {
				continue
			}
			pkg := c.handedTo(use)
			if pkg == nil {
				return nil, false
			}
			pkgs = append(pkgs, pkg)
		}
		return pkgs, len(pkgs) > 0
	}
	if factory := c.returnedBy(cur); factory != nil && !factory.Exported() {
		return c.handedRefs(factory, true)
	}
	return nil, false
}

// returnedBy returns the declared function whose return statement has
// the literal at cur as an operand, or nil (a literal returned by
// another literal is not followed).
func (c *checker) returnedBy(cur inspector.Cursor) *types.Func {
	p := cur.Parent()
	for {
		if _, ok := p.Node().(*ast.ParenExpr); !ok {
			break
		}
		p = p.Parent()
	}
	if _, ok := p.Node().(*ast.ReturnStmt); !ok {
		return nil
	}
	for e := range p.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if d, ok := e.Node().(*ast.FuncDecl); ok {
			fn, _ := c.info.Defs[d.Name].(*types.Func)
			return fn
		}
		return nil
	}
	return nil
}

// handedRefs returns the packages the references to fn hand it (or, with
// called, the result of its calls) to, when every reference does.
func (c *checker) handedRefs(fn *types.Func, called bool) ([]*types.Package, bool) {
	c.indexCalls()
	var pkgs []*types.Package
	for _, id := range c.refs[fn.Origin()] {
		call, isCall := c.calleeIdents[id]
		if isCall != called {
			return nil, false
		}
		var n ast.Node = id
		if called {
			n = call
		}
		cur, ok := c.ins.Root().FindNode(n)
		if !ok {
			return nil, false
		}
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && !called && sel.Sel == id {
			cur = cur.Parent() // a method value, o.complete
		}
		pkg := c.handedTo(cur)
		if pkg == nil {
			return nil, false
		}
		pkgs = append(pkgs, pkg)
	}
	return pkgs, len(pkgs) > 0
}

// handedTo returns the package of the OrderFreeResults or
// OrderFreeResultsField row that the expression at cur is handed to as an
// argument, a field of a composite literal, or the right side of an
// assignment to the field; nil otherwise.
func (c *checker) handedTo(cur inspector.Cursor) *types.Package {
	e := cur.Node()
	pc := cur.Parent()
	for {
		paren, ok := pc.Node().(*ast.ParenExpr)
		if !ok {
			break
		}
		e, pc = paren, pc.Parent()
	}
	switch p := pc.Node().(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, p).(*types.Func)
		if fn == nil {
			return nil
		}
		r, ok := apis.Find(fn.Origin(), apis.OrderFreeResults)
		if ok && r.Arg < len(p.Args) && p.Args[r.Arg] == e {
			return fn.Pkg()
		}
	case *ast.KeyValueExpr:
		lit, ok := pc.Parent().Node().(*ast.CompositeLit)
		key, _ := p.Key.(*ast.Ident)
		if !ok || key == nil || p.Value != e {
			return nil
		}
		return c.resultsField(c.info.TypeOf(lit), c.info.Uses[key])
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs != e || len(p.Lhs) != len(p.Rhs) {
				continue
			}
			if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok {
				if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && len(s.Index()) == 1 {
					return c.resultsField(s.Recv(), s.Obj())
				}
			}
		}
	}
	return nil
}

// resultsField returns the package of field's OrderFreeResultsField row
// in the struct type owner, or nil.
func (c *checker) resultsField(owner types.Type, field types.Object) *types.Package {
	v, _ := field.(*types.Var)
	if owner == nil || v == nil {
		return nil
	}
	if _, ok := apis.FindField(owner, v, apis.OrderFreeResultsField); ok {
		return v.Pkg()
	}
	return nil
}
