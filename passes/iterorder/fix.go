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
	rs := loop.Range
	info := f.pass.TypesInfo
	if loop.Key == nil && loop.Value == nil {
		return nil, "" // run skips a loop that binds neither
	}
	var file *ast.File
	for c := range cur.Enclosing((*ast.File)(nil)) {
		file = c.Node().(*ast.File)
	}
	if file == nil {
		return nil, "" // the inspector visits the pass's files only
	}
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
	// A map expression that is not pure is stored in a variable (below),
	// so only a pure one is read again.
	if note := changedIn(info, rs.Body, loop.Map, loop.Value != nil && pure(info, loop.Map)); note != "" {
		return nil, note
	}
	mapText, err := f.src.Text(loop.Map)
	if err != nil {
		return nil, "cannot read the source: " + err.Error()
	}
	rscope := info.Scopes[rs]
	if rscope == nil || rscope.Parent() == nil {
		return nil, "" // the type checker records a scope for every range statement
	}
	key := ""
	if loop.Key != nil {
		key = loop.Key.Name()
	} else {
		key = edits.FreshName(rscope, rs.Body.Lbrace, "k")
	}
	// The statements the fix adds go before the loop, or before its label
	// (a label must stay on the loop that break and continue name).
	var stmt ast.Stmt = rs
	if p, ok := cur.Parent().Node().(*ast.LabeledStmt); ok && p.Stmt == rs {
		stmt = p
	}
	scope, at := rscope.Parent(), stmt.Pos()
	avoid := append([]string{key}, f.taken[scope]...)
	if loop.Value != nil {
		avoid = append(avoid, loop.Value.Name())
	}
	var declared []string // the names the fix declares in scope
	go123 := goversion.AtLeast(f.pass, file, goversion.Go1_23)
	var prelude []string // statements before the loop
	var te []analysis.TextEdit
	if !pure(info, loop.Map) && (loop.Value != nil || !go123) {
		m := freshIn(scope, at, "m", avoid...)
		avoid, declared = append(avoid, m), append(declared, m)
		prelude = append(prelude, m+" := "+mapText)
		mapText = m
	}
	var head string
	if go123 {
		mapsPrefix, mapsImport := edits.AddImport(info, file, "maps", "maps", "Keys", rs.Pos())
		slicesPrefix, slicesImport := edits.AddImport(info, file, "slices", "slices", "Sorted", rs.Pos())
		head = "for _, " + key + " := range " + slicesPrefix + "Sorted(" + mapsPrefix + "Keys(" + mapText + ")) "
		te = append(mapsImport, slicesImport...)
	} else {
		lines, keys, imports, reason := f.collectKeys(file, scope, at, loop, mt.Key(), mapText, key, avoid)
		if reason != "" {
			return nil, reason
		}
		prelude = append(prelude, lines...)
		declared = append(declared, keys)
		te = imports
		head = "for _, " + key + " := range " + keys + " "
	}
	if len(prelude) > 0 && hasGoto(cur) {
		return nil, "the function has a goto, which may not jump over the variables the fix declares before the loop"
	}
	f.taken[scope] = append(f.taken[scope], declared...)
	te = append(te, f.insertBefore(stmt, rs, prelude, head)...)
	if loop.Value != nil {
		// The file was read above (Text): Indent cannot fail.
		indent, _ := f.src.Indent(rs.Pos())
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
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its labels are its own
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO
		}
		return !found
	})
	return found
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
