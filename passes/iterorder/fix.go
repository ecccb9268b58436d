package iterorder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

// The fix visits the keys in sorted order, in the form the file's Go
// version allows:
//
//	for k, v := range m {        for _, k := range slices.Sorted(maps.Keys(m)) {   // Go 1.23
//		...                  →       v := m[k]
//	}                                ...
//	                             }
//
//	                             keys := make([]K, 0, len(m))                     // Go 1.21, 1.22
//	                             for k := range m {
//	                                     keys = append(keys, k)
//	                             }
//	                             slices.Sort(keys)
//	                             for _, k := range keys { v := m[k]; ... }
//
// and before Go 1.21 the same with sort.Strings, sort.Ints or sort.Float64s
// for those key types and sort.Slice(keys, func(i, j int) bool { return
// keys[i] < keys[j] }) for other ordered ones (fixkeys.go).
//
// It keeps behaviour apart from the order: the body sees the same keys and
// values, once each. It is offered only when that holds and the result
// compiles: the key type is ordered (cmp.Ordered), the file's Go version is
// known, the map expression has no side effects (it is evaluated again for
// each m[k]), and the body neither writes nor deletes entries of the map (a
// range skips entries deleted during the loop; m[k] on a deleted key would
// see the zero value). For keys that are not ordered the finding says so.
type fixer struct {
	pass *analysis.Pass
	src  *edits.Source
}

func newFixer(pass *analysis.Pass) *fixer {
	return &fixer{pass: pass, src: edits.NewSource(pass)}
}

// attach adds to d the fix for loop or, when the keys are not ordered, a
// note saying why there is none.
func (f *fixer) attach(d *analysis.Diagnostic, cur inspector.Cursor, loop *maploop.Loop) {
	fix, note := f.fix(cur, loop)
	switch {
	case fix != nil:
		d.SuggestedFixes = append(d.SuggestedFixes, *fix)
	case note != "":
		at := loop.Range.X.Pos()
		if loop.Range.Key != nil {
			at = loop.Range.Key.Pos()
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: at, Message: note})
	}
}

// fix returns the fix for loop, or nil and, when the reason is the key
// type, a note for the finding.
func (f *fixer) fix(cur inspector.Cursor, loop *maploop.Loop) (*analysis.SuggestedFix, string) {
	rs := loop.Range
	info := f.pass.TypesInfo
	if rs.Tok != token.DEFINE || loop.Map == nil || loop.Key == nil && loop.Value == nil {
		return nil, ""
	}
	var file *ast.File
	for c := range cur.Enclosing((*ast.File)(nil)) {
		file = c.Node().(*ast.File)
	}
	if file == nil || goversion.Of(f.pass, file) == "" {
		return nil, ""
	}
	mt, ok := typeOf(info, loop.Map).Underlying().(*types.Map)
	if !ok || !pure(info, loop.Map) {
		return nil, ""
	}
	if !orderedType(mt.Key()) {
		sorter := "slices.SortFunc"
		if !goversion.AtLeast(f.pass, file, goversion.Go1_21) {
			sorter = "sort.Slice"
		}
		return nil, fmt.Sprintf("no fix: keys of type %s are not ordered; sort them with %s and a comparison that suits them",
			types.TypeString(mt.Key(), types.RelativeTo(f.pass.Pkg)), sorter)
	}
	mapText, err := f.src.Text(loop.Map)
	if err != nil || writesMap(info, rs.Body, types.ExprString(loop.Map)) {
		return nil, ""
	}
	key := ""
	if loop.Key != nil {
		key = loop.Key.Name()
	} else {
		scope := info.Scopes[rs]
		if scope == nil {
			return nil, ""
		}
		key = edits.FreshName(scope, rs.Body.Lbrace, "k")
	}
	var te []analysis.TextEdit
	if goversion.AtLeast(f.pass, file, goversion.Go1_23) {
		mapsPrefix, mapsImport := edits.AddImport(info, file, "maps", "maps", "Keys", rs.Pos())
		slicesPrefix, slicesImport := edits.AddImport(info, file, "slices", "slices", "Sorted", rs.Pos())
		head := "for _, " + key + " := range " + slicesPrefix + "Sorted(" + mapsPrefix + "Keys(" + mapText + ")) "
		te = append(mapsImport, slicesImport...)
		te = append(te, analysis.TextEdit{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(head)})
	} else {
		te, ok = f.collectKeys(cur, file, loop, mt.Key(), mapText, key)
		if !ok {
			return nil, ""
		}
	}
	if loop.Value != nil {
		indent, err := f.src.Indent(rs.Pos())
		if err != nil {
			return nil, ""
		}
		decl := loop.Value.Name() + " := " + mapText + "[" + key + "]"
		tf := f.pass.Fset.File(rs.Pos())
		if len(rs.Body.List) > 0 && tf.Line(rs.Body.List[0].Pos()) > tf.Line(rs.Body.Lbrace) {
			// Before the first statement's line, so that a comment after
			// the { stays on the for line.
			at := tf.LineStart(tf.Line(rs.Body.List[0].Pos()))
			te = append(te, analysis.TextEdit{Pos: at, End: at, NewText: []byte(indent + "\t" + decl + "\n")})
		} else {
			te = append(te, analysis.TextEdit{Pos: rs.Body.Lbrace + 1, End: rs.Body.Lbrace + 1, NewText: []byte("\n" + indent + "\t" + decl)})
		}
	}
	return &analysis.SuggestedFix{Message: "Range over sorted keys", TextEdits: te}, ""
}

// pure reports whether e is a variable or a chain of field selections,
// which can be evaluated again without effects.
func pure(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if _, ok := info.Uses[identOf(x.X)].(*types.PkgName); ok {
			_, ok := info.Uses[x.Sel].(*types.Var)
			return ok
		}
		sel, ok := info.Selections[x]
		return ok && sel.Kind() == types.FieldVal && pure(info, x.X)
	}
	return false
}

// writesMap reports whether body assigns, deletes or clears entries of the
// map written as name, or assigns the variable itself.
func writesMap(info *types.Info, body *ast.BlockStmt, name string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				l = ast.Unparen(l)
				if ix, ok := l.(*ast.IndexExpr); ok && types.ExprString(ix.X) == name || types.ExprString(l) == name {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && types.ExprString(ix.X) == name {
				found = true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) > 0 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") && types.ExprString(n.Args[0]) == name {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
