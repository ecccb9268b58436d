package iterorder

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
	"github.com/maplint/maplint/internal/report"
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
// known, and the body neither writes nor deletes entries of the map nor
// assigns the variables the map expression reads (a range skips entries
// deleted during the loop, and m[k] on a deleted key would see the zero
// value). The fix writes the map expression again, in m[k] and, before Go
// 1.23, in the loop that collects the keys; an expression that is not a
// variable or a chain of field selections (a call, an index: f(),
// model["p"]) is then first stored in a variable declared before the loop,
// which evaluates it once where the range did:
//
//	for k, v := range f() {      m := f()
//		...                  →   for _, k := range slices.Sorted(maps.Keys(m)) {
//	}                                v := m[k]
//
// A loop that binds the key only needs no such variable from Go 1.23:
// slices.Sorted(maps.Keys(f())) evaluates f() once, as the range did.
//
// Every finding without a fix says why at the end of its message (noFix).
type fixer struct {
	pass *analysis.Pass
	src  *edits.Source
	// taken holds, by block, the names the fixes already offered declare
	// there: the fixes of two loops in one block must not declare the same
	// name, so that applying both (maplint -fix) compiles.
	taken map[*types.Scope][]string
}

func newFixer(pass *analysis.Pass) *fixer {
	return &fixer{pass: pass, src: edits.NewSource(pass), taken: make(map[*types.Scope][]string)}
}

// attach adds to d the fix for loop or, when there is none, says why.
func (f *fixer) attach(d *analysis.Diagnostic, cur inspector.Cursor, loop *maploop.Loop) {
	fix, why := f.fix(cur, loop)
	switch {
	case fix != nil:
		d.SuggestedFixes = append(d.SuggestedFixes, *fix)
	case why != "":
		report.NoFix(d, why)
	}
}

// fix returns the fix for loop, or nil and the reason there is none, for
// the end of the finding's message (report.NoFix). It returns neither only where run
// reports no loop; each such return says why.
func (f *fixer) fix(cur inspector.Cursor, loop *maploop.Loop) (*analysis.SuggestedFix, string) {
	if loop.Key == nil && loop.Value == nil {
		return nil, "" // run skips a loop that binds neither
	}
	file := enclosingFile(cur)
	if file == nil {
		return nil, "" // the inspector visits the pass's files only
	}
	kt, why := f.fixable(file, loop)
	if kt == nil {
		return nil, why
	}
	p, why := f.plan(cur, file, loop, kt)
	if p == nil {
		return nil, why
	}
	if len(p.prelude) > 0 && hasGoto(cur) {
		return nil, "the function has a goto, which may not jump over the variables the fix declares before the loop"
	}
	f.taken[p.scope] = append(f.taken[p.scope], p.declared...)
	rs := loop.Range
	te := append(p.imports, f.insertBefore(p.stmt, rs, p.prelude, p.head)...)
	if loop.Value != nil {
		te = append(te, f.valueDecl(rs, loop.Value.Name()+" := "+p.mapText+"["+p.key+"]"))
	}
	return &analysis.SuggestedFix{Message: "Range over sorted keys", TextEdits: te}, ""
}

// enclosingFile returns the file of the node at cur, or nil.
func enclosingFile(cur inspector.Cursor) *ast.File {
	var file *ast.File
	for c := range cur.Enclosing((*ast.File)(nil)) {
		file = c.Node().(*ast.File)
	}
	return file
}

// fixable decides whether the loop may be rewritten at all, before any
// text is written: it returns the map's key type, or nil and why no fix is
// safe (the file is generated, the range is over an adaptor or assigns
// with =, the Go version is unknown, the keys are not ordered, or the body
// changes what the fix would read again). It returns neither only for a
// loop that is not over a map, which run does not report.
func (f *fixer) fixable(file *ast.File, loop *maploop.Loop) (types.Type, string) {
	rs := loop.Range
	info := f.pass.TypesInfo
	if ast.IsGenerated(file) {
		// The reporter would drop the fix (report.Reporter.Report): an
		// edit of generated code is lost when it is generated again.
		return nil, "the file is generated; sort the keys in its generator"
	}
	if loop.Map == nil {
		// adaptorLoop: a range over the iterator of a function with an
		// IterFact, which ranges over the map itself.
		return nil, fmt.Sprintf("%s yields the entries of a map in map order; sort the keys where it ranges over the map", types.ExprString(callFun(rs.X)))
	}
	if rs.Tok != token.DEFINE {
		return nil, "the range assigns to variables declared outside the loop (=)"
	}
	if goversion.Of(f.pass, file) == "" {
		return nil, "the Go version of the file is not known"
	}
	mt := apis.CoreMap(typeOf(info, loop.Map))
	if mt == nil {
		return nil, "" // maploop.Of and adaptorLoop give maps only
	}
	if !orderedType(mt.Key()) {
		sorter := "slices.SortFunc"
		if !goversion.AtLeast(f.pass, file, goversion.Go1_21) {
			sorter = "sort.Slice"
		}
		return nil, fmt.Sprintf("keys of type %s are not ordered; sort them with %s and a comparison that suits them",
			types.TypeString(mt.Key(), qualifier(f.pass.Pkg)), sorter)
	}
	// A map expression that is not pure is stored in a variable (plan),
	// so only a pure one is read again.
	if note := changedIn(info, rs.Body, loop.Map, loop.Value != nil && pure(info, loop.Map)); note != "" {
		return nil, note
	}
	return mt.Key(), ""
}

// sortedLoop is the text of a fix: the statements that go before the
// loop, and the head that replaces the range's.
type sortedLoop struct {
	stmt     ast.Stmt     // the loop, or its label: the statements go before it
	scope    *types.Scope // the block of the loop, where the statements declare
	key      string       // the name of the key variable
	mapText  string       // the map expression as the fix writes it again
	prelude  []string     // the statements before the loop
	declared []string     // the names prelude declares in scope
	head     string       // the new head of the loop, from for to {
	imports  []analysis.TextEdit
}

// plan decides the text of the fix for a loop that fixable accepts: the
// name of the key, where the statements go, whether the map expression is
// first stored in a variable, and the head the file's Go version allows:
// slices.Sorted(maps.Keys(m)) from Go 1.23, the keys collected and sorted
// before (collectKeys). Or it returns nil and why there is no fix.
func (f *fixer) plan(cur inspector.Cursor, file *ast.File, loop *maploop.Loop, kt types.Type) (*sortedLoop, string) {
	rs, info := loop.Range, f.pass.TypesInfo
	mapText, err := f.src.Text(loop.Map)
	if err != nil {
		return nil, "cannot read the source: " + err.Error()
	}
	rscope := info.Scopes[rs]
	if rscope == nil || rscope.Parent() == nil {
		return nil, "" // the type checker records a scope for every range statement
	}
	p := &sortedLoop{stmt: placement(cur, rs), scope: rscope.Parent(), mapText: mapText}
	if loop.Key != nil {
		p.key = loop.Key.Name()
	} else {
		p.key = edits.FreshName(rscope, rs.Body.Lbrace, "k")
	}
	at := p.stmt.Pos()
	avoid := append([]string{p.key}, f.taken[p.scope]...)
	if loop.Value != nil {
		avoid = append(avoid, loop.Value.Name())
	}
	go123 := goversion.AtLeast(f.pass, file, goversion.Go1_23)
	if !pure(info, loop.Map) && (loop.Value != nil || !go123) {
		m := freshIn(p.scope, at, "m", avoid...)
		avoid, p.declared = append(avoid, m), append(p.declared, m)
		p.prelude = append(p.prelude, m+" := "+p.mapText)
		p.mapText = m
	}
	if go123 {
		mapsPrefix, mapsImport := edits.AddImport(info, file, "maps", "maps", "Keys", rs.Pos())
		slicesPrefix, slicesImport := edits.AddImport(info, file, "slices", "slices", "Sorted", rs.Pos())
		p.head = "for _, " + p.key + " := range " + slicesPrefix + "Sorted(" + mapsPrefix + "Keys(" + p.mapText + ")) "
		p.imports = append(mapsImport, slicesImport...)
		return p, ""
	}
	lines, keys, imports, reason := f.collectKeys(file, p.scope, at, loop, kt, p.mapText, p.key, avoid)
	if reason != "" {
		return nil, reason
	}
	p.prelude = append(p.prelude, lines...)
	p.declared = append(p.declared, keys)
	p.imports = imports
	p.head = "for _, " + p.key + " := range " + keys + " "
	return p, ""
}

// placement decides where the statements the fix adds go: before the
// loop rs at cur, or before its label (a label must stay on the loop that
// break and continue name).
func placement(cur inspector.Cursor, rs *ast.RangeStmt) ast.Stmt {
	if p, ok := cur.Parent().Node().(*ast.LabeledStmt); ok && p.Stmt == rs {
		return p
	}
	return rs
}

// valueDecl returns the edit that declares the value variable, decl
// (v := m[k]), first in the body of rs: on a line of its own before the
// first statement's line, so that a comment after the { stays on the for
// line, or right after the { when the body starts on that line.
func (f *fixer) valueDecl(rs *ast.RangeStmt, decl string) analysis.TextEdit {
	// The file was read (Text): Indent cannot fail.
	indent, _ := f.src.Indent(rs.Pos())
	tf := f.pass.Fset.File(rs.Pos())
	if len(rs.Body.List) > 0 && tf.Line(rs.Body.List[0].Pos()) > tf.Line(rs.Body.Lbrace) {
		at := tf.LineStart(tf.Line(rs.Body.List[0].Pos()))
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(indent + "\t" + decl + "\n")}
	}
	return analysis.TextEdit{Pos: rs.Body.Lbrace + 1, End: rs.Body.Lbrace + 1, NewText: []byte("\n" + indent + "\t" + decl)}
}

// insertBefore returns the edits that put the statements lines before
// stmt (the loop rs or its label), indented like it, and replace the head
// of rs, from for to {, with head.
func (f *fixer) insertBefore(stmt ast.Stmt, rs *ast.RangeStmt, lines []string, head string) []analysis.TextEdit {
	if len(lines) == 0 {
		return []analysis.TextEdit{{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(head)}}
	}
	// The file was read (Text): Indent cannot fail.
	indent, _ := f.src.Indent(stmt.Pos())
	if stmt == ast.Stmt(rs) {
		prelude := strings.Join(lines, "\n"+indent) + "\n" + indent
		return []analysis.TextEdit{{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(prelude + head)}}
	}
	// gofmt puts a label at the start of its line: the statements go on
	// lines of their own above it, indented like the loop.
	at, text := stmt.Pos(), strings.Join(lines, "\n"+indent)+"\n"+indent
	tf := f.pass.Fset.File(at)
	if li, _ := f.src.Indent(rs.Pos()); tf.LineStart(tf.Line(at))+token.Pos(len(indent)) == at {
		at, text = tf.LineStart(tf.Line(at)), li+strings.Join(lines, "\n"+li)+"\n"
	}
	return []analysis.TextEdit{
		{Pos: at, End: at, NewText: []byte(text)},
		{Pos: rs.For, End: rs.Body.Lbrace, NewText: []byte(head)},
	}
}

// callFun returns the function a call expression calls, or e itself.
func callFun(e ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return call.Fun
	}
	return e
}

// hasGoto reports whether the function enclosing cur has a goto
// statement: one that jumps forward over a variable declaration does not
// compile, so a fix that declares variables is not offered there.
func hasGoto(cur inspector.Cursor) bool {
	var body *ast.BlockStmt
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := c.Node().(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
		break
	}
	return hasGotoIn(body)
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

// changedIn returns what body changes that the fix cannot follow, as the
// reason there is no fix, or "": entries of the map m (assigned, incremented,
// deleted, cleared: a range skips an entry deleted before it reaches it
// and may visit one added, and keys sorted before the loop do neither),
// and, when the fix reads m[k] again in the body (reread), m itself or a
// variable or field it is read through (s or s.f for s.f.m): the range
// goes on over the map it started with, m[k] would read the new one.
// Expressions are compared as written (types.ExprString), as the fix
// writes them.
func changedIn(info *types.Info, body *ast.BlockStmt, m ast.Expr, reread bool) string {
	name := types.ExprString(m)
	roots := map[string]bool{name: true}
	for x := ast.Unparen(m); reread; {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(sel.X)
		roots[types.ExprString(x)] = true
	}
	entries, assigned := false, ""
	isEntry := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && types.ExprString(ix.X) == name
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if isEntry(l) {
					entries = true
				} else if l := types.ExprString(ast.Unparen(l)); reread && roots[l] && assigned == "" {
					assigned = l
				}
			}
		case *ast.IncDecStmt:
			entries = entries || isEntry(n.X)
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) > 0 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") && types.ExprString(n.Args[0]) == name {
					entries = true
				}
			}
		}
		return !entries
	})
	switch {
	case entries:
		return fmt.Sprintf("the loop changes entries of %s, which keys sorted before the loop would not follow", name)
	case assigned != "":
		return fmt.Sprintf("the loop assigns %s; the range goes on over the map it started with, and the fix would read values from the new one", assigned)
	}
	return ""
}
