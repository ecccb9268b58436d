package iterorder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

// collectKeys returns the edits of the fix for files older than Go 1.23,
// which have no maps.Keys or slices.Sorted: collect the keys into a slice
// before the loop, sort it, and range over it.
//
//	keys := make([]K, 0, len(m))
//	for k := range m {
//		keys = append(keys, k)
//	}
//	slices.Sort(keys) // Go 1.21; before, sort.Strings, sort.Ints, sort.Float64s or sort.Slice
//	for _, k := range keys {
//
// K must be nameable in the file (its package imported, not shadowed, an
// exported type when it is another package's), and make, len and append
// must be the builtins where the loop is.
func (f *fixer) collectKeys(cur inspector.Cursor, file *ast.File, loop *maploop.Loop, kt types.Type, mapText, key string) ([]analysis.TextEdit, bool) {
	rs := loop.Range
	info := f.pass.TypesInfo
	// The statements go before the loop, or before its label (a label
	// must stay on the loop that break and continue name).
	var stmt ast.Stmt = rs
	if p, ok := cur.Parent().Node().(*ast.LabeledStmt); ok && p.Stmt == rs {
		stmt = p
	}
	rscope := info.Scopes[rs]
	if rscope == nil || rscope.Parent() == nil {
		return nil, false
	}
	scope, at := rscope.Parent(), stmt.Pos()
	for _, b := range []string{"make", "len", "append"} {
		if _, obj := scope.LookupParent(b, at); obj != types.Universe.Lookup(b) {
			return nil, false
		}
	}
	ktext, ok := f.typeText(file, scope, at, kt)
	if !ok {
		return nil, false
	}
	keys := freshIn(scope, at, "keys", key)

	var sorted string
	var te []analysis.TextEdit
	if goversion.AtLeast(f.pass, file, goversion.Go1_21) {
		prefix, imp := edits.AddImport(info, file, "slices", "slices", "Sort", rs.Pos())
		te = append(te, imp...)
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
		te = append(te, imp...)
		sorted = prefix + fn + "(" + keys + ")"
		if fn == "Slice" {
			sorted = prefix + "Slice(" + keys + ", func(i, j int) bool { return " + keys + "[i] < " + keys + "[j] })"
		}
	}
	indent, err := f.src.Indent(stmt.Pos())
	if err != nil {
		return nil, false
	}
	lines := []string{
		keys + " := make([]" + ktext + ", 0, len(" + mapText + "))",
		"for " + key + " := range " + mapText + " {",
		"\t" + keys + " = append(" + keys + ", " + key + ")",
		"}",
		sorted,
	}
	prelude := strings.Join(lines, "\n"+indent) + "\n" + indent
	head := "for _, " + key + " := range " + keys + " "
	if stmt == ast.Stmt(rs) {
		te = append(te, analysis.TextEdit{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(prelude + head)})
	} else {
		// gofmt puts a label at the start of its line: the statements go
		// on lines of their own above it, indented like the loop.
		at, text := stmt.Pos(), prelude
		tf := f.pass.Fset.File(at)
		if li, err := f.src.Indent(rs.Pos()); err == nil && tf.LineStart(tf.Line(at))+token.Pos(len(indent)) == at {
			at, text = tf.LineStart(tf.Line(at)), li+strings.Join(lines, "\n"+li)+"\n"
		}
		te = append(te,
			analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)},
			analysis.TextEdit{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(head)})
	}
	return te, true
}

// typeText writes the key type t as the file can name it at pos, or
// reports that it cannot.
func (f *fixer) typeText(file *ast.File, scope *types.Scope, pos token.Pos, t types.Type) (string, bool) {
	info := f.pass.TypesInfo
	switch t := t.(type) {
	case *types.Basic:
		_, obj := scope.LookupParent(t.Name(), pos)
		return t.Name(), obj == types.Universe.Lookup(t.Name())
	case *types.TypeParam:
		_, obj := scope.LookupParent(t.Obj().Name(), pos)
		return t.Obj().Name(), obj == t.Obj()
	case interface {
		Obj() *types.TypeName
		TypeArgs() *types.TypeList
	}: // *types.Named, *types.Alias
		tn := t.Obj()
		if t.TypeArgs().Len() > 0 || tn.Pkg() == nil {
			return "", false
		}
		if tn.Pkg() == f.pass.Pkg {
			_, obj := scope.LookupParent(tn.Name(), pos)
			return tn.Name(), obj == tn
		}
		if !tn.Exported() {
			return "", false
		}
		for _, spec := range file.Imports {
			pn := info.PkgNameOf(spec)
			if pn == nil || pn.Imported() != tn.Pkg() || pn.Name() == "." || pn.Name() == "_" {
				continue
			}
			if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
				return pn.Name() + "." + tn.Name(), true
			}
		}
	}
	return "", false
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
