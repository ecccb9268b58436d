package nilmerge

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/internal/report"
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

// whyOutside is a reason a finding has no fix that does not depend on the
// write, as report.WhySource is: its message ends with one of them, or
// with one of the reasons the builders below give (report.NoFix, in run;
// the reporter gives report.WhyGenerated in a generated file).
const whyOutside = "the write is outside the package's files"

// fix returns the fix for the write w of a map nil from o, or, when it
// offers none, why: a short reason that holds for this write, which the
// finding's message ends with.
func (fx *fixer) fix(w *write, o *origin) (fix analysis.SuggestedFix, why string) {
	if o.kind == fromCtor {
		return fx.ctorFix(o)
	}
	file := fx.fileOf(w.node.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, whyOutside
	}
	if why := fx.persistent(w.cur, w.mexpr); why != "" {
		return analysis.SuggestedFix{}, why
	}
	info := fx.pass.TypesInfo
	mtype := info.TypeOf(w.mexpr)
	stmtCur, ok := fx.statement(w)
	if !ok {
		return analysis.SuggestedFix{}, "the write is not a statement of a block, before which a make could go"
	}
	pos := stmtCur.Node().Pos()
	if name := fx.shadowed(file, pos, "make"); name != "" {
		return analysis.SuggestedFix{}, name + " is not the builtin here"
	}
	tstr, ok := typeString(info, file, pos, mtype)
	if !ok {
		return analysis.SuggestedFix{}, unspellable(mtype, fx.pass.Pkg, "this file")
	}
	dst, err := fx.src.Text(w.mexpr)
	if err != nil {
		return analysis.SuggestedFix{}, report.WhySource
	}

	// Merges: a range-and-assign loop or maps.Copy, from a source that
	// the fix may evaluate again (len(src), PutAll(dst, src)).
	loop, srcExpr := fx.mergeLoop(w, stmtCur)
	if loop == nil && w.kind == writeCopy {
		srcExpr = w.sexpr
	}
	if srcExpr != nil && simple(srcExpr) {
		if name := fx.shadowed(file, pos, "len"); name != "" {
			return analysis.SuggestedFix{}, name + " is not the builtin here"
		}
		stmt := stmtCur.Node()
		if loop != nil {
			stmt = loop.Node()
		}
		return fx.mergeFix(w, file, stmt, loop != nil, srcExpr, dst, tstr)
	}

	// Single writes, maps.Insert, and merges from a source that is not a
	// plain name (a call, say): make the map lazily before the write;
	// where the program has just found it nil, make it unconditionally.
	text := fmt.Sprintf("if %s == nil {\n\t%s = make(%s)\n}", dst, dst, tstr)
	if o.kind == fromTest && !loopSince(stmtCur, o.pos) {
		text = fmt.Sprintf("%s = make(%s)", dst, tstr)
	}
	e, err := fx.src.InsertBefore(stmtCur.Node(), text)
	if err != nil {
		return analysis.SuggestedFix{}, report.WhySource
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Make %s before writing to it", dst),
		TextEdits: []analysis.TextEdit{e},
	}, ""
}

// loopSince reports whether a loop that starts after pos, the test that
// found the map nil, encloses cur: a make there would run again on every
// iteration, dropping what the earlier ones wrote. (The test is in cur's
// function, dominating the write: a loop that starts before it, or one
// around the function literal, runs the test again each time.)
func loopSince(cur inspector.Cursor, pos token.Pos) bool {
	for l := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil)) {
		if _, ok := l.Node().(*ast.FuncLit); ok {
			return false
		}
		if l.Node().Pos() > pos {
			return true
		}
	}
	return false
}

// unspellable is the reason a fix cannot write make(t) in a file (where:
// "this file", "NewT's file").
func unspellable(t types.Type, pkg *types.Package, where string) string {
	return fmt.Sprintf("type %s cannot be written in %s", types.TypeString(t, types.RelativeTo(pkg)), where)
}

func (fx *fixer) fileOf(pos token.Pos) *ast.File {
	for _, f := range fx.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// shadowed returns the first of names that does not mean the builtin at
// pos, or "".
func (fx *fixer) shadowed(file *ast.File, pos token.Pos, names ...string) string {
	scope := fx.pass.TypesInfo.Scopes[file].Innermost(pos)
	for _, n := range names {
		if scope == nil {
			return n
		}
		if s, _ := scope.LookupParent(n, pos); s != types.Universe {
			return n
		}
	}
	return ""
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
				// The write may be one of several targets
				// (m[k], err = f()): a make before the statement
				// runs before the assignment evaluates m, as for
				// a single target.
				if as, ok := p.Node().(*ast.AssignStmt); ok && !slices.ContainsFunc(as.Lhs, func(l ast.Expr) bool { return ast.Unparen(l) == w.node }) {
					return cur, false
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
	if !ok || as.Tok != token.ASSIGN || w.kind != writeIndex || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
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

// mergeFix makes the map before a merge of srcExpr, a simple expression,
// into it (stmt: the range-and-assign loop when isLoop, or the maps.Copy
// call): with the user's PutAll function, or maps.Copy after a sized make,
// or the make alone.
func (fx *fixer) mergeFix(w *write, file *ast.File, stmt ast.Node, isLoop bool, srcExpr ast.Expr, dst, tstr string) (analysis.SuggestedFix, string) {
	info := fx.pass.TypesInfo
	mtype := info.TypeOf(w.mexpr)
	src, err := fx.src.Text(srcExpr)
	if err != nil {
		return analysis.SuggestedFix{}, report.WhySource
	}
	sameType := types.Identical(mtype, info.TypeOf(srcExpr))
	if fx.putPkg != "" && sameType && (isLoop || fx.mapsUsedElsewhere(file, w.node.(*ast.CallExpr))) {
		if prefix, imp := edits.AddImport(info, file, fx.putPkg, fx.putPkg, fx.putFunc, stmt.Pos()); len(imp) == 0 {
			e, err := fx.src.Replace(file, stmt, fmt.Sprintf("%s = %s%s(%s, %s)", dst, prefix, fx.putFunc, dst, src))
			if err == nil {
				return analysis.SuggestedFix{
					Message:   fmt.Sprintf("Merge with %s%s", prefix, fx.putFunc),
					TextEdits: []analysis.TextEdit{e},
				}, ""
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
			}, ""
		}
	}
	e, err := fx.src.InsertBefore(stmt, guard)
	if err != nil {
		return analysis.SuggestedFix{}, report.WhySource
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Initialize %s before merging", dst),
		TextEdits: []analysis.TextEdit{e},
	}, ""
}
