package iterorder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

// collectKeys returns the statements of the fix for files older than Go
// 1.23, which have no maps.Keys or slices.Sorted, to go before the loop at
// pos in scope: collect the keys into a slice, sort it; the loop then
// ranges over the slice, whose name it returns too, with the edits of the
// imports the statements need. Or it returns why there is no fix.
//
//	keys := make([]K, 0, len(m))
//	for k := range m {
//		keys = append(keys, k)
//	}
//	slices.Sort(keys) // Go 1.21; before, sort.Strings, sort.Ints, sort.Float64s or sort.Slice
//	for _, k := range keys {
//
// K must be nameable in the file (its package imported, or importable,
// and not shadowed; an exported type when it is another package's), and
// make, len and append must be the builtins where the loop is. The names
// in avoid are taken by the fix.
func (f *fixer) collectKeys(file *ast.File, scope *types.Scope, pos token.Pos, loop *maploop.Loop, kt types.Type, mapText, key string, avoid []string) (lines []string, keys string, imports []analysis.TextEdit, reason string) {
	info := f.pass.TypesInfo
	for _, b := range []string{"make", "len", "append"} {
		if _, obj := scope.LookupParent(b, pos); obj != types.Universe.Lookup(b) {
			return nil, "", nil, b + " is not the builtin where the loop is, and the fix collects the keys with it"
		}
	}
	ktext, imports, reason := f.typeText(file, scope, pos, kt)
	if reason != "" {
		return nil, "", nil, reason
	}
	keys = freshIn(scope, pos, "keys", avoid...)

	var sorted string
	rs := loop.Range
	if goversion.AtLeast(f.pass, file, goversion.Go1_21) {
		prefix, imp := edits.AddImport(info, file, "slices", "slices", "Sort", rs.Pos())
		imports = append(imports, imp...)
		sorted = prefix + "Sort(" + keys + ")"
	} else {
		fn := "Slice"
		switch {
		case types.Identical(kt, types.Typ[types.String]):
			fn = "Strings"
		case types.Identical(kt, types.Typ[types.Int]):
			fn = "Ints"
		case types.Identical(kt, types.Typ[types.Float64]):
			fn = "Float64s"
		}
		prefix, imp := edits.AddImport(info, file, "sort", "sort", fn, rs.Pos())
		imports = append(imports, imp...)
		sorted = prefix + fn + "(" + keys + ")"
		if fn == "Slice" {
			sorted = prefix + "Slice(" + keys + ", func(i, j int) bool { return " + keys + "[i] < " + keys + "[j] })"
		}
	}
	lines = []string{
		keys + " := make([]" + ktext + ", 0, len(" + mapText + "))",
		"for " + key + " := range " + mapText + " {",
		"\t" + keys + " = append(" + keys + ", " + key + ")",
		"}",
		sorted,
	}
	return lines, keys, imports, ""
}

// typeText writes the key type t as the file can name it at pos, with the
// edits that import its package when the file does not, or returns why it
// cannot.
func (f *fixer) typeText(file *ast.File, scope *types.Scope, pos token.Pos, t types.Type) (string, []analysis.TextEdit, string) {
	info := f.pass.TypesInfo
	ts := types.TypeString(t, qualifier(f.pass.Pkg))
	shadowed := func(name string) (string, []analysis.TextEdit, string) {
		return "", nil, "the key type's name " + name + " means something else where the loop is, and the fix declares a slice of keys"
	}
	switch t := t.(type) {
	case *types.Basic:
		if _, obj := scope.LookupParent(t.Name(), pos); obj != types.Universe.Lookup(t.Name()) {
			return shadowed(t.Name())
		}
		return t.Name(), nil, ""
	case *types.TypeParam:
		if _, obj := scope.LookupParent(t.Obj().Name(), pos); obj != t.Obj() {
			return shadowed(t.Obj().Name())
		}
		return t.Obj().Name(), nil, ""
	case interface {
		Obj() *types.TypeName
		TypeArgs() *types.TypeList
	}: // *types.Named, *types.Alias
		tn := t.Obj()
		switch {
		case tn.Pkg() == nil:
			// The universe has no ordered named type but the basic
			// ones, and byte and rune are *types.Basic.
			return "", nil, ""
		case t.TypeArgs().Len() > 0:
			return "", nil, "the key type " + ts + " is an instance of a generic type, which the fix does not write"
		case tn.Pkg() == f.pass.Pkg:
			if _, obj := scope.LookupParent(tn.Name(), pos); obj != tn {
				return shadowed(tn.Name())
			}
			return tn.Name(), nil, ""
		case !tn.Exported():
			return "", nil, "the key type " + ts + " is not exported, and the fix declares a slice of keys"
		case !importable(f.pass.Pkg.Path(), tn.Pkg().Path()):
			return "", nil, "the key type " + ts + " is in an internal package this one cannot import, and the fix declares a slice of keys"
		}
		prefix, imp := edits.AddImport(info, file, tn.Pkg().Name(), tn.Pkg().Path(), tn.Name(), pos)
		return prefix + tn.Name(), imp, ""
	}
	return "", nil, "" // orderedType: a basic type, a type parameter, or a named type of one
}

// importable reports whether a package at path from may import the
// package at path: not when path is below an internal directory whose
// parent does not hold from.
func importable(from, path string) bool {
	elems := strings.Split(path, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		if elems[i] == "internal" {
			parent := strings.Join(elems[:i], "/")
			return parent != "" && (from == parent || strings.HasPrefix(from, parent+"/"))
		}
	}
	return true
}

// freshIn returns a name based on preferred that names nothing visible at
// pos, nothing declared anywhere in scope (a later declaration in the same
// block would clash), and none of avoid.
func freshIn(scope *types.Scope, pos token.Pos, preferred string, avoid ...string) string {
	name := preferred
	for i := 0; ; i++ {
		_, obj := scope.LookupParent(name, pos)
		if obj == nil && scope.Lookup(name) == nil && !slices.Contains(avoid, name) {
			return name
		}
		name = fmt.Sprintf("%s%d", preferred, i)
	}
}

// orderedType reports whether values of t can be compared with <: an
// ordered basic type, or a type parameter whose constraint allows only
// such types (cmp.Ordered).
func orderedType(t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		return ok && orderedSet(iface, 0)
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsOrdered != 0
}

// orderedSet reports whether every type in the type set of iface is
// ordered: one of its embedded elements (the set is their intersection)
// allows only ordered types.
func orderedSet(iface *types.Interface, depth int) bool {
	if depth > 8 {
		return false
	}
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			all := e.Len() > 0
			for j := range e.Len() {
				b, ok := e.Term(j).Type().Underlying().(*types.Basic)
				all = all && ok && b.Info()&types.IsOrdered != 0
			}
			if all {
				return true
			}
		default:
			if in, ok := e.Underlying().(*types.Interface); ok {
				if orderedSet(in, depth+1) {
					return true
				}
			} else if b, ok := e.Underlying().(*types.Basic); ok && b.Info()&types.IsOrdered != 0 {
				return true
			}
		}
	}
	return false
}

// qualifier writes the types of other packages than pkg with their
// package's name, as a file that imports it under that name would.
func qualifier(pkg *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
}
