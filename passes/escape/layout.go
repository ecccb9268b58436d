package escape

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// whyLayout is why a layout finding has no fix: the portable code is chosen
// by what the code does with the map's internals, which the pass does not
// know (iterate, count, look up, clear).
const whyLayout = "the portable code (range, len, clear, the maps package, reflect.Value.MapRange) depends on what this code does with the map"

// checkLinknames reports //go:linkname directives that pull a symbol of the
// runtime's map implementation into the package:
//
//	//go:linkname mapiterinit runtime.mapiterinit
//	func mapiterinit(t unsafe.Pointer, m unsafe.Pointer, it *hiter)
//
// Only pulls count: the local name is a function declared without a body
// or a variable declared without a value. A directive that pushes a
// function or an initialised variable defined here under another name (the
// runtime providing reflect.mapaccess, or maps.errNilAssign) is the
// implementation itself.
func (ck *checker) checkLinknames() {
	for _, file := range ck.pass.Files {
		// Bodiless functions and variables of the file, by name: the
		// local ends of pulling linknames.
		bodiless := make(map[string]token.Pos)
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil && decl.Body == nil {
					bodiless[decl.Name.Name] = decl.Name.Pos()
				}
			case *ast.GenDecl:
				if decl.Tok == token.VAR {
					for _, spec := range decl.Specs {
						// A variable with an initial value is the
						// symbol's definition (the linker accepts one
						// initialised side): the directive pushes it.
						if vs := spec.(*ast.ValueSpec); len(vs.Values) == 0 {
							for _, n := range vs.Names {
								bodiless[n.Name] = n.Pos()
							}
						}
					}
				}
			}
		}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				ck.linkname(c, bodiless)
			}
		}
	}
}

// linkname reports the directive c if it pulls a symbol of the runtime's
// map implementation, at the declaration it links.
func (ck *checker) linkname(c *ast.Comment, bodiless map[string]token.Pos) {
	rest, ok := strings.CutPrefix(c.Text, "//go:linkname ")
	if !ok {
		return
	}
	f := strings.Fields(rest)
	if len(f) < 2 || (len(f) > 2 && !strings.HasPrefix(f[2], "//")) {
		return
	}
	decl, ok := bodiless[f[0]]
	if !ok {
		return
	}
	i := strings.LastIndex(f[1], ".")
	if i <= 0 {
		return
	}
	pkg, name := f[1][:i], f[1][i+1:]
	if pkg == ck.pass.Pkg.Path() {
		return
	}
	r, ok := apis.LayoutRow(pkg, name)
	if !ok {
		return
	}
	ck.add(analysis.Diagnostic{
		Pos:      decl,
		Category: CategoryLayout,
		Message:  fmt.Sprintf("linkname to %s depends on the runtime's private map implementation (%s), which changes between Go releases", f[1], r.Why),
		Related:  []analysis.RelatedInformation{{Pos: c.Pos(), End: c.End(), Message: "linked here"}},
	}, nil, whyLayout)
}

// checkUnsafe reports unsafe conversions that reinterpret a map, or a
// pointer to one, as a pointer to a struct (the runtime's header, hmap):
//
//	h := *(**hmap)(unsafe.Pointer(&m))
//	h := (*hmap)(unsafe.Pointer(reflect.ValueOf(m).Pointer()))
//
// The map's reference itself, moved as an unsafe.Pointer (to hand it to
// a linknamed function), is not a reinterpretation.
func (ck *checker) checkUnsafe() {
	for _, fn := range ck.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				conv, ok := instr.(*ssa.Convert)
				if !ok || !isUnsafePointer(conv.X.Type()) {
					continue
				}
				st := structBehind(conv.Type())
				if st == nil || ck.ownLayout(conv.Type()) {
					continue
				}
				if what := mapBehind(conv.X, 0); what != "" {
					ck.add(analysis.Diagnostic{
						Pos:      conv.Pos(),
						Category: CategoryLayout,
						Message: fmt.Sprintf("unsafe conversion reinterprets %s as %s: depends on the runtime's private map layout, which changes between Go releases",
							what, types.TypeString(conv.Type(), types.RelativeTo(ck.pass.Pkg))),
					}, nil, whyLayout)
				}
			}
		}
	}
}

// ownLayout reports whether the struct that t points to is declared by the
// map implementation itself (a package that a layout row names whole), or
// the conversion is in that package: the header type and the runtime then
// change together, so the layout read cannot be stale. The
// implementation's own tests convert a map to *maps.Map that way.
func (ck *checker) ownLayout(t types.Type) bool {
	if _, ok := apis.ImplementationRow(ck.pass.Pkg.Path()); ok {
		return true
	}
	for range 2 {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		t = types.Unalias(p.Elem())
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
			_, own := apis.ImplementationRow(n.Obj().Pkg().Path())
			return own
		}
	}
	return false
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

// structBehind returns the struct that t (*S or **S) points to, or nil.
func structBehind(t types.Type) *types.Struct {
	for range 2 {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		t = p.Elem()
		if st, ok := t.Underlying().(*types.Struct); ok {
			return st
		}
	}
	return nil
}

// mapBehind describes the map that the unsafe.Pointer v points to or at
// (a pointer to a map variable, the map's header read through one, or the
// pointer reflect gives for a map), or "".
func mapBehind(v ssa.Value, depth int) string {
	if depth > 4 {
		return ""
	}
	switch v := v.(type) {
	case *ssa.Convert:
		if p, ok := v.X.Type().Underlying().(*types.Pointer); ok && apis.IsMap(p.Elem()) {
			return "a pointer to map " + mapExpr(v.X)
		}
		if b, ok := v.X.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Uintptr {
			return mapBehind(v.X, depth+1)
		}
	case *ssa.UnOp:
		// *(*unsafe.Pointer)(unsafe.Pointer(&m)): the header's address.
		if c, ok := v.X.(*ssa.Convert); ok && v.Op == token.MUL && isUnsafePointer(c.X.Type()) {
			return mapBehind(c.X, depth+1)
		}
	case *ssa.Call:
		if r, ok := apis.Of(&v.Call, apis.RawPointer); ok {
			return reflectedMap(apis.Arg(&v.Call, r.Arg))
		}
	}
	return ""
}

// reflectedMap describes the map that the reflect.Value v holds, when it
// is known statically (reflect.ValueOf(m) with m a map), or "".
func reflectedMap(v ssa.Value) string {
	c, ok := v.(*ssa.Call)
	if !ok {
		return ""
	}
	r, ok := apis.Of(&c.Call, apis.Reflects)
	if !ok {
		return ""
	}
	mi, ok := apis.Arg(&c.Call, r.Arg).(*ssa.MakeInterface)
	if !ok || !apis.IsMap(mi.X.Type()) {
		return ""
	}
	return "the reflect pointer of map " + mapExpr(mi.X)
}

// mapExpr names the map v (or the variable v points to) for messages.
func mapExpr(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Alloc:
		if v.Comment != "" {
			return v.Comment
		}
	case *ssa.Global:
		return v.Name()
	case *ssa.Parameter:
		return v.Name()
	case *ssa.UnOp:
		return mapExpr(v.X)
	case *ssa.FieldAddr:
		return mapExpr(v.X) + "." + fieldOf(v).Name()
	}
	return "of type " + v.Type().String()
}
