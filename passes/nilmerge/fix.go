package nilmerge

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
)

// fixer builds the suggested fixes, in the order of preference of the doc:
//
//	for k, v := range src { dst[k] = v }   →  dst = safemap.PutAll(dst, src)
//	                                           (the file already imports safemap)
//	                                        →  if dst == nil { dst = make(T, len(src)) }
//	                                           maps.Copy(dst, src)       (Go ≥ 1.21)
//	maps.Copy(dst, src)                     →  dst = safemap.PutAll(dst, src), or the guard
//	m[k] = v                                →  if m == nil { m = make(T) }; m[k] = v
//
// Each keeps behaviour where the map was not nil, and each assigns the map
// it makes back to where it was read from, which is why the map expression
// must be a location that outlives the statement (a parameter or a value
// receiver's field would lose it: no fix). PutAll and the loop agree on
// every input, including an empty src (dst is left as it was).
type fixer struct {
	pass    *analysis.Pass
	src     *edits.Source
	putPkg  string // import path of the PutAll helper
	putFunc string // its name
}

func newFixer(pass *analysis.Pass, c *Config) *fixer {
	fx := &fixer{pass: pass, src: edits.NewSource(pass)}
	if i := strings.LastIndex(c.PutAll, "."); i > 0 && i < len(c.PutAll)-1 {
		fx.putPkg, fx.putFunc = c.PutAll[:i], c.PutAll[i+1:]
	}
	return fx
}

func (fx *fixer) fix(w *write, o *origin) (analysis.SuggestedFix, bool) {
	if o.kind == fromCtor {
		return fx.ctorFix(o)
	}
	file := fx.fileOf(w.node.Pos())
	if file == nil || !fx.persistent(w.cur, w.mexpr) {
		return analysis.SuggestedFix{}, false
	}
	info := fx.pass.TypesInfo
	mtype := info.TypeOf(w.mexpr)
	stmtCur, ok := fx.statement(w)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	pos := stmtCur.Node().Pos()
	if !fx.universal(file, pos, "make", "len") {
		return analysis.SuggestedFix{}, false
	}
	tstr, ok := typeString(info, file, pos, mtype)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	dst, err := fx.src.Text(w.mexpr)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}

	// Merges: a range-and-assign loop, maps.Copy or maps.Insert.
	loop, srcExpr := fx.mergeLoop(w, stmtCur)
	if loop != nil || w.kind == writeCopy {
		stmt := stmtCur.Node()
		if loop != nil {
			stmt = loop.Node()
		} else {
			srcExpr = w.sexpr
		}
		return fx.mergeFix(w, file, stmt, loop != nil, srcExpr, dst, tstr)
	}

	// Single writes (and maps.Insert): make the map lazily; where the
	// program has just found it nil, make it unconditionally.
	text := fmt.Sprintf("if %s == nil {\n\t%s = make(%s)\n}", dst, dst, tstr)
	if o.kind == fromTest {
		text = fmt.Sprintf("%s = make(%s)", dst, tstr)
	}
	e, err := fx.src.InsertBefore(stmtCur.Node(), text)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Make %s before writing to it", dst),
		TextEdits: []analysis.TextEdit{e},
	}, true
}

func (fx *fixer) fileOf(pos token.Pos) *ast.File {
	for _, f := range fx.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// universal reports whether names mean the builtins at pos.
func (fx *fixer) universal(file *ast.File, pos token.Pos, names ...string) bool {
	scope := fx.pass.TypesInfo.Scopes[file].Innermost(pos)
	if scope == nil {
		return false
	}
	for _, n := range names {
		if s, _ := scope.LookupParent(n, pos); s != types.Universe {
			return false
		}
	}
	return true
}

// statement returns the statement that holds the write, when it is an
// element of a statement list (so that a guard can go before it).
func (fx *fixer) statement(w *write) (inspector.Cursor, bool) {
	cur := w.cur
	for {
		p := cur.Parent()
		switch p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.ExprStmt:
			if w.kind == writeIndex {
				if as, ok := p.Node().(*ast.AssignStmt); ok && (len(as.Lhs) != 1 || ast.Unparen(as.Lhs[0]) != w.node) {
					return cur, false // the write is not the statement's only target
				}
				if _, ok := p.Node().(*ast.ExprStmt); ok {
					return cur, false
				}
			}
			switch p.Parent().Node().(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				return p, true
			}
		}
		return cur, false
	}
}

// mergeLoop returns the loop `for k, v := range src { dst[k] = v }` whose
// only statement is the write, and src.
func (fx *fixer) mergeLoop(w *write, stmt inspector.Cursor) (*inspector.Cursor, ast.Expr) {
	as, ok := stmt.Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || w.kind != writeIndex {
		return nil, nil
	}
	body := stmt.Parent()
	block, ok := body.Node().(*ast.BlockStmt)
	if !ok || len(block.List) != 1 {
		return nil, nil
	}
	loopCur := body.Parent()
	loop, ok := loopCur.Node().(*ast.RangeStmt)
	if !ok || loop.Tok != token.DEFINE || loop.Key == nil || loop.Value == nil {
		return nil, nil
	}
	switch loopCur.Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return nil, nil
	}
	info := fx.pass.TypesInfo
	ix := w.node.(*ast.IndexExpr)
	key, ok1 := ast.Unparen(ix.Index).(*ast.Ident)
	val, ok2 := ast.Unparen(as.Rhs[0]).(*ast.Ident)
	lk, ok3 := loop.Key.(*ast.Ident)
	lv, ok4 := loop.Value.(*ast.Ident)
	if !ok1 || !ok2 || !ok3 || !ok4 || info.Uses[key] == nil || info.Uses[key] != info.Defs[lk] || info.Uses[val] == nil || info.Uses[val] != info.Defs[lv] {
		return nil, nil
	}
	dm, sm := apis.CoreMap(info.TypeOf(w.mexpr)), apis.CoreMap(info.TypeOf(loop.X))
	if dm == nil || sm == nil || !types.Identical(dm.Key(), sm.Key()) || !types.Identical(dm.Elem(), sm.Elem()) {
		return nil, nil
	}
	return &loopCur, loop.X
}

// persistent reports whether assigning to e outlives the statement: a
// local variable, named result or package variable (not a parameter), a
// field reached through a pointer or of a persistent struct, or an element
// of a map (outer[k], with a simple key).
func (fx *fixer) persistent(cur inspector.Cursor, e ast.Expr) bool {
	info := fx.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() {
			return false
		}
		return !isParam(info, cur, v)
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		if sel.Indirect() {
			return true
		}
		if _, ok := info.TypeOf(e.X).Underlying().(*types.Pointer); ok {
			return true
		}
		return fx.persistent(cur, e.X)
	case *ast.IndexExpr:
		if _, ok := info.TypeOf(e.X).Underlying().(*types.Map); !ok {
			return false
		}
		return simple(e.Index) && simple(e.X)
	}
	return false
}

// isParam reports whether v is a parameter or receiver of a function
// enclosing cur (named results are not).
func isParam(info *types.Info, cur inspector.Cursor, v *types.Var) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var lists []*ast.FieldList
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			lists = append(lists, fn.Recv, fn.Type.Params)
		case *ast.FuncLit:
			lists = append(lists, fn.Type.Params)
		}
		for _, l := range lists {
			if l == nil {
				continue
			}
			for _, f := range l.List {
				for _, n := range f.Names {
					if info.Defs[n] == v {
						return true
					}
				}
			}
		}
	}
	return false
}

// simple reports whether e can be evaluated twice with the same result and
// no side effects: identifiers, field selections and literals.
func simple(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return simple(e.X)
	}
	return false
}

// typeString writes t as it must be spelled at pos in file, or reports
// false when a package it needs is not imported there or a name it uses is
// shadowed.
func typeString(info *types.Info, file *ast.File, pos token.Pos, t types.Type) (string, bool) {
	ok := true
	scope := info.Scopes[file].Innermost(pos)
	if scope == nil {
		return "", false
	}
	qual := func(p *types.Package) string {
		for _, spec := range file.Imports {
			pn := info.PkgNameOf(spec)
			if pn != nil && pn.Imported() == p && pn.Name() != "_" && pn.Name() != "." {
				if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
					return pn.Name()
				}
			}
		}
		if p == nil || p.Scope() == info.Scopes[file].Parent() {
			return ""
		}
		ok = false
		return p.Name()
	}
	s := types.TypeString(t, qual)
	return s, ok && nameable(t, info.Scopes[file].Parent(), scope, pos, 0)
}

// nameable reports whether every named type in t can be written at pos:
// exported if it belongs to another package, and visible (not shadowed,
// not local to another function) if it belongs to this one.
func nameable(t types.Type, pkgScope, scope *types.Scope, pos token.Pos, depth int) bool {
	if depth > 8 {
		return false
	}
	depth++
	switch t := types.Unalias(t).(type) {
	case *types.Basic, *types.TypeParam:
		return true
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil && obj.Pkg().Scope() != pkgScope {
			if !obj.Exported() {
				return false
			}
		} else if obj.Pkg() != nil {
			if _, found := scope.LookupParent(obj.Name(), pos); found != obj {
				return false
			}
		}
		for i := range t.TypeArgs().Len() {
			if !nameable(t.TypeArgs().At(i), pkgScope, scope, pos, depth) {
				return false
			}
		}
		return true
	case *types.Map:
		return nameable(t.Key(), pkgScope, scope, pos, depth) && nameable(t.Elem(), pkgScope, scope, pos, depth)
	case *types.Pointer:
		return nameable(t.Elem(), pkgScope, scope, pos, depth)
	case *types.Slice:
		return nameable(t.Elem(), pkgScope, scope, pos, depth)
	case *types.Array:
		return nameable(t.Elem(), pkgScope, scope, pos, depth)
	case *types.Chan:
		return nameable(t.Elem(), pkgScope, scope, pos, depth)
	case *types.Struct:
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Scope() != pkgScope || !nameable(f.Type(), pkgScope, scope, pos, depth) {
				return false
			}
		}
		return true
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if !nameable(tup.At(i).Type(), pkgScope, scope, pos, depth) {
					return false
				}
			}
		}
		return true
	case *types.Interface:
		return t.NumMethods() == 0 || t.Empty()
	}
	return false
}

// mapsUsedElsewhere reports whether the file refers to the package of the
// maps.Copy call other than in call, so that replacing call keeps the
// import used.
func (fx *fixer) mapsUsedElsewhere(file *ast.File, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	pn := fx.pass.TypesInfo.Uses[id]
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		// Another merge call (maps.Copy) may be replaced by its own fix:
		// only other members keep the import.
		if other, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := other.X.(*ast.Ident); ok && fx.pass.TypesInfo.Uses[x] == pn {
				fn, _ := fx.pass.TypesInfo.Uses[other.Sel].(*types.Func)
				found = !replaceableMerge(fn)
			}
		}
		return !found
	})
	return found
}

// replaceableMerge reports whether a call of fn may be replaced by the
// PutAll fix: the API table says it fills a map (MapFill) from another map
// (its FillFrom parameter is a map), as writes.go's fillOf classifies a
// writeCopy. maps.Insert fills from a sequence and is never replaced.
func replaceableMerge(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if _, ok := apis.Find(fn, apis.MapFill); !ok {
		return false
	}
	from, ok := apis.Find(fn, apis.FillFrom)
	sig, _ := fn.Type().(*types.Signature)
	if !ok || sig == nil || from.Arg < 0 || from.Arg >= sig.Params().Len() {
		return false
	}
	return apis.CoreMap(sig.Params().At(from.Arg).Type()) != nil
}

// mergeFix makes the map before a merge of srcExpr into it (stmt: the
// range-and-assign loop when isLoop, or the maps.Copy call): with the
// user's PutAll function, or maps.Copy after a sized make, or the make
// alone.
func (fx *fixer) mergeFix(w *write, file *ast.File, stmt ast.Node, isLoop bool, srcExpr ast.Expr, dst, tstr string) (analysis.SuggestedFix, bool) {
	info := fx.pass.TypesInfo
	mtype := info.TypeOf(w.mexpr)
	if !simple(srcExpr) {
		return analysis.SuggestedFix{}, false
	}
	src, err := fx.src.Text(srcExpr)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	sameType := types.Identical(mtype, info.TypeOf(srcExpr))
	if fx.putPkg != "" && sameType && (isLoop || fx.mapsUsedElsewhere(file, w.node.(*ast.CallExpr))) {
		if prefix, imp := edits.AddImport(info, file, fx.putPkg, fx.putPkg, fx.putFunc, stmt.Pos()); len(imp) == 0 {
			e, err := fx.src.Replace(file, stmt, fmt.Sprintf("%s = %s%s(%s, %s)", dst, prefix, fx.putFunc, dst, src))
			if err == nil {
				return analysis.SuggestedFix{
					Message:   fmt.Sprintf("Merge with %s%s", prefix, fx.putFunc),
					TextEdits: []analysis.TextEdit{e},
				}, true
			}
		}
	}
	guard := fmt.Sprintf("if %s == nil {\n\t%s = make(%s, len(%s))\n}", dst, dst, tstr, src)
	if isLoop && goversion.AtLeast(fx.pass, file, goversion.Go1_21) {
		prefix, imp := edits.AddImport(info, file, "maps", "maps", "Copy", stmt.Pos())
		e, err := fx.src.Replace(file, stmt, fmt.Sprintf("%s\n%sCopy(%s, %s)", guard, prefix, dst, src))
		if err == nil {
			return analysis.SuggestedFix{
				Message:   fmt.Sprintf("Initialize %s and merge with %sCopy", dst, prefix),
				TextEdits: append(imp, e),
			}, true
		}
	}
	e, err := fx.src.InsertBefore(stmt, guard)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Initialize %s before merging", dst),
		TextEdits: []analysis.TextEdit{e},
	}, true
}
