package nilmerge

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file handles exported map fields (issue 11, item 5). Callers in
// other packages may set an exported field, so one that nothing in this
// package assigns is reported only when every constructor of the type —
// every function of the package that returns it — builds it fresh and
// leaves the field nil:
//
//	func NewMux() *Mux { return &Mux{} }
//	func (m *Mux) Handle(p string, h Handler) {
//		m.Handlers[p] = h // write to map m.Handlers, which is nil here: field Handlers is left nil by NewMux
//	}
//
// A type with no constructor, or with one that returns a value it did not
// build (a parameter, a call's result, a package variable), is trusted.

// constructors returns the package's constructors of tn when every one of
// them returns only values of tn it allocates itself (or nil), and nil
// otherwise.
func (a *checker) constructors(tn *types.TypeName) []*ssa.Function {
	if cs, ok := a.ctors[tn]; ok {
		return cs
	}
	var cs []*ssa.Function
	for _, fn := range a.ssa.SrcFuncs {
		if fn.Parent() != nil || fn.Signature.Recv() != nil || fn.TypeParams().Len() > 0 {
			continue
		}
		res := fn.Signature.Results()
		for i := range res.Len() {
			if structName(res.At(i).Type()) != tn {
				continue
			}
			if !returnsFresh(fn, i) {
				a.ctors[tn] = nil
				return nil
			}
			cs = append(cs, fn)
			break
		}
	}
	a.ctors[tn] = cs
	return cs
}

// returnsFresh reports whether every return of fn gives, for result i, a
// value allocated in fn (through φ-nodes and a copy of a local) or nil.
func returnsFresh(fn *ssa.Function, i int) bool {
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if !fresh(ret.Results[i], make(map[ssa.Value]bool)) {
			return false
		}
	}
	return true
}

func fresh(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Alloc:
		return true
	case *ssa.Const:
		return v.IsNil()
	case *ssa.UnOp:
		al, ok := v.X.(*ssa.Alloc)
		return ok && !copied(al)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !fresh(e, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// exportedFieldSource returns the origin of the nil in exported field f of
// tn, when nothing in the package assigns it and every constructor leaves
// it nil.
func (a *checker) exportedFieldSource(tn *types.TypeName, f *types.Var) *origin {
	cs := a.constructors(tn)
	if len(cs) == 0 {
		return nil
	}
	names := cs[0].Name()
	if len(cs) > 1 {
		names = fmt.Sprintf("%s and %d other constructors", names, len(cs)-1)
	}
	return &origin{pos: cs[0].Pos(), why: fmt.Sprintf("field %s is left nil by %s, and nothing in the package sets it", f.Name(), names), kind: fromCtor, ctors: cs, field: f}
}

// ctorFix initialises the field in the composite literals of o's
// constructors that build the type, rather than at the write: the field is
// then set for every caller. It offers no fix, and says why, when a
// constructor builds the value otherwise (new(T), var t T) or with unkeyed
// fields, or when the field's type cannot be spelled in the constructor's
// file.
func (fx *fixer) ctorFix(o *origin) (analysis.SuggestedFix, string) {
	info := fx.pass.TypesInfo
	var out []analysis.TextEdit
	for _, fn := range o.ctors {
		decl, ok := fn.Syntax().(*ast.FuncDecl)
		if !ok || decl.Body == nil {
			return analysis.SuggestedFix{}, fmt.Sprintf("constructor %s has no body to set %s in", fn.Name(), o.field.Name())
		}
		file := fx.fileOf(decl.Pos())
		if file == nil {
			return analysis.SuggestedFix{}, whyOutside
		}
		var lits []*ast.CompositeLit
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok && hasField(info.TypeOf(cl), o.field) {
				lits = append(lits, cl)
			}
			return true
		})
		if len(lits) == 0 {
			return analysis.SuggestedFix{}, fmt.Sprintf("%s builds the value without a composite literal to set %s in", fn.Name(), o.field.Name())
		}
		for _, cl := range lits {
			e, why := fx.addField(fn.Name(), file, cl, o.field)
			if why != "" {
				return analysis.SuggestedFix{}, why
			}
			out = append(out, e)
		}
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Initialize %s in %s", o.field.Name(), o.ctors[0].Name()),
		TextEdits: out,
	}, ""
}

// hasField reports whether t is the struct type that declares f.
func hasField(t types.Type, f *types.Var) bool {
	if t == nil {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i).Origin() == f {
			return true
		}
	}
	return false
}

// addField returns the edit that adds "f: make(T)" to the keyed literal
// cl of constructor ctor, or why it cannot.
func (fx *fixer) addField(ctor string, file *ast.File, cl *ast.CompositeLit, f *types.Var) (analysis.TextEdit, string) {
	for _, e := range cl.Elts {
		if _, ok := e.(*ast.KeyValueExpr); !ok {
			return analysis.TextEdit{}, fmt.Sprintf("%s's literal lists its fields without keys", ctor)
		}
	}
	if fx.shadowed(file, cl.Rbrace, "make") != "" {
		return analysis.TextEdit{}, fmt.Sprintf("make is not the builtin in %s", ctor)
	}
	tstr, ok := typeString(fx.pass.TypesInfo, file, cl.Rbrace, f.Type())
	if !ok {
		return analysis.TextEdit{}, unspellable(f.Type(), fx.pass.Pkg, ctor+"'s file")
	}
	field := fmt.Sprintf("%s: make(%s)", f.Name(), tstr)
	fset := fx.pass.Fset
	switch {
	case fset.Position(cl.Lbrace).Line != fset.Position(cl.Rbrace).Line:
		// A literal over several lines ends each element with a comma.
		return analysis.TextEdit{Pos: cl.Rbrace, End: cl.Rbrace, NewText: []byte(field + ",\n")}, ""
	case len(cl.Elts) == 0:
		return analysis.TextEdit{Pos: cl.Rbrace, End: cl.Rbrace, NewText: []byte(field)}, ""
	}
	last := cl.Elts[len(cl.Elts)-1]
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}, ""
}
