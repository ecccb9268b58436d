package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Function literals handed to another package as a value of a function
// type it declares.
//
// A literal has no callers in sight, so the list it returns is assumed
// shown. But a literal given to another package as a value of a named
// function type of that package (prometheus.GathererFunc(parseText),
// http.HandlerFunc(...), or an argument whose parameter has such a type)
// is called by that package, which decides what its result is for: the
// same contract as a method that implements an interface of an imported
// package (implementsForeign). Gatherers.Gather sorts what the
// GathererFunc it is given returns; reporting the literal's loop there
// blamed code whose order no one sees.
//
// The package that declares the type sees its calls: when a call of a
// value of the type shows the result (prints, writes, encodes it before
// sorting), the type gets a ShownResultFact, and a literal handed to it
// in an importing package is reported, with the call that shows it.

// exportShownFuncTypes marks the named function types of this package
// whose calls' results a caller here shows (ShownResultFact on the type
// name).
func (c *checker) exportShownFuncTypes() {
	done := make(map[*types.TypeName]bool)
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		tv, ok := c.info.Types[call.Fun]
		if !ok || !tv.IsValue() {
			continue // a conversion, a builtin
		}
		tn, sig := declaredFuncType(tv.Type)
		if tn == nil || tn.Pkg() != c.pass.Pkg || tn.Parent() != c.pass.Pkg.Scope() || done[tn] {
			continue
		}
		caller := c.enclosingFuncCursor(cur)
		if caller == nil || !c.inScope(cur, caller) {
			continue
		}
		for i := range sig.Results().Len() {
			f := c.shownAt(call, caller, i, sig.Results().At(i).Type())
			if f == nil {
				f = c.forwardedShown(cur, caller, tn, i)
			}
			if f != nil {
				c.pass.ExportObjectFact(tn, f)
				done[tn] = true
				break
			}
		}
	}
}

// forwardedShown returns the fact for result idx of the call at cur, of a
// value of the function type tn, when the call is the result of a method
// of tn (func (gf GathererFunc) Gather() (...) { return gf() }) that
// implements a method of an interface with a ShownResultFact covering
// it: a value of the type is used as that interface, and its result is
// shown wherever the interface's is (client_golang's WriteToTextfile
// writes what Gatherer.Gather returns). Nil otherwise.
func (c *checker) forwardedShown(cur inspector.Cursor, caller *funcInfo, tn *types.TypeName, idx int) *ShownResultFact {
	if caller.obj == nil || caller.sig == nil || caller.sig.Recv() == nil || namedOf(caller.sig.Recv().Type()) != tn {
		return nil
	}
	ret, ok := cur.Parent().Node().(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil // return gf(): every result of the method is the call's
	}
	for _, m := range c.interfaceMethods(caller.obj.Name()) {
		var fact ShownResultFact
		if !c.pass.ImportObjectFact(m, &fact) || fact.Index != idx {
			continue
		}
		iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
		if iface != nil && (types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface)) {
			return &ShownResultFact{Index: idx, Whole: fact.Whole, Fields: fact.Fields}
		}
	}
	return nil
}

// interfaceMethods returns the methods named name of the interfaces
// declared in this package and those with a ShownResultFact in other
// packages, in a deterministic order.
func (c *checker) interfaceMethods(name string) []*types.Func {
	var out []*types.Func
	scope := c.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if m.Name() == name {
					out = append(out, m)
				}
			}
		}
	}
	for _, sm := range c.shownMethods() {
		if sm.m.Name() == name {
			out = append(out, sm.m)
		}
	}
	return out
}

// declaredFuncType returns the name and signature of t when t is a named
// function type (not generic), or nil.
func declaredFuncType(t types.Type) (*types.TypeName, *types.Signature) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return nil, nil
	}
	sig, ok := named.Underlying().(*types.Signature)
	if !ok {
		return nil, nil
	}
	return named.Obj(), sig
}

// literalHandedOut decides the result idx of the function literal fn:
// handed to other packages only as values of function types they declare,
// it is shown when one of those types has a ShownResultFact that covers
// it (the related information on f says where), and silent otherwise.
// decided is false when the literal has another use (called here, stored,
// passed as a plain func value): the caller keeps its default.
func (c *checker) literalHandedOut(fn *funcInfo, idx int, field *types.Var, f *finding) (shown, decided bool) {
	lit, ok := fn.node.(*ast.FuncLit)
	if !ok || fn.sig == nil || idx >= fn.sig.Results().Len() {
		return false, false
	}
	cur, ok := c.ins.Root().FindNode(lit)
	if !ok {
		return false, false
	}
	tns, ok := c.foreignFuncTypes(cur)
	if !ok {
		return false, false
	}
	for _, tn := range tns {
		var fact ShownResultFact
		if c.pass.ImportObjectFact(tn, &fact) && fact.Index == idx && fact.covers(fn.sig.Results().At(idx).Type(), field) {
			f.related = append(f.related, related{tn.Pos(), "handed to " + tn.Pkg().Name() + " as a " + tn.Name() + ", whose caller there shows its result"})
			return true, true
		}
	}
	return false, true
}

// foreignFuncTypes returns the function types of other packages that the
// literal at cur is handed to, directly or through a local variable it
// initialises; ok is false when the literal, or that variable, has a use
// of another kind.
func (c *checker) foreignFuncTypes(cur inspector.Cursor) (out []*types.TypeName, ok bool) {
	if tn := c.handedAs(cur); tn != nil {
		return []*types.TypeName{tn}, true
	}
	v := c.initialisedVar(cur)
	if v == nil {
		return nil, false
	}
	body, ok := c.enclosingBody(cur)
	if !ok {
		return nil, false
	}
	for use := range body.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[use.Node().(*ast.Ident)] != v {
			continue
		}
		tn := c.handedAs(use)
		if tn == nil {
			return nil, false
		}
		out = append(out, tn)
	}
	return out, len(out) > 0
}

// handedAs returns the function type of another package that the
// expression at cur is converted to, or passed as, or nil.
func (c *checker) handedAs(cur inspector.Cursor) *types.TypeName {
	e := cur.Node().(ast.Expr)
	parent := cur.Parent()
	for {
		p, ok := parent.Node().(*ast.ParenExpr)
		if !ok {
			break
		}
		e, parent = p, parent.Parent()
	}
	call, ok := parent.Node().(*ast.CallExpr)
	if !ok || call.Fun == e {
		return nil
	}
	var t types.Type
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		t = tv.Type // a conversion: T(lit)
	} else if sig, ok := c.info.TypeOf(call.Fun).(*types.Signature); ok {
		t = paramType(sig, call, e)
	}
	tn, _ := declaredFuncType(t)
	if tn == nil || tn.Pkg() == nil || tn.Pkg() == c.pass.Pkg {
		return nil
	}
	return tn
}

// paramType returns the type of the parameter that receives the argument
// e of call, or nil.
func paramType(sig *types.Signature, call *ast.CallExpr, e ast.Expr) types.Type {
	for i, a := range call.Args {
		if a != e {
			continue
		}
		params := sig.Params()
		if sig.Variadic() && i >= params.Len()-1 {
			if call.Ellipsis.IsValid() {
				return nil
			}
			return params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		}
		if i < params.Len() {
			return params.At(i).Type()
		}
	}
	return nil
}

// initialisedVar returns the local variable that the literal at cur
// initialises (parseText := func() ...{...}), or nil.
func (c *checker) initialisedVar(cur inspector.Cursor) *types.Var {
	lit := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if id, ok := p.Lhs[i].(*ast.Ident); ok && r == lit {
					v, _ := c.info.Defs[id].(*types.Var)
					return v
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, r := range p.Values {
				if r == lit {
					v, _ := c.info.Defs[p.Names[i]].(*types.Var)
					return v
				}
			}
		}
	}
	return nil
}

// enclosingBody returns the body of the function declaration around cur,
// where the uses of a local variable declared at cur are.
func (c *checker) enclosingBody(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return e, true
	}
	return inspector.Cursor{}, false
}
