package concurrentwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/guard"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// syntax finds the source of the SSA positions the pass reports on: m[k] by
// its '[', calls by their '(', range statements by their 'for'.
type syntax struct {
	fset  *token.FileSet
	files map[*token.File]*ast.File
	at    map[token.Pos]inspector.Cursor
}

func newSyntax(pass *analysis.Pass) *syntax {
	s := &syntax{fset: pass.Fset, files: make(map[*token.File]*ast.File), at: make(map[token.Pos]inspector.Cursor)}
	for _, f := range pass.Files {
		s.files[pass.Fset.File(f.Pos())] = f
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for c := range in.Root().Preorder((*ast.IndexExpr)(nil), (*ast.CallExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.IndexExpr:
			s.at[n.Lbrack] = c
		case *ast.CallExpr:
			s.at[n.Lparen] = c
		case *ast.RangeStmt:
			s.at[n.For] = c
		}
	}
	return s
}

func (s *syntax) file(pos token.Pos) *ast.File {
	return s.files[s.fset.File(pos)]
}

// mapExpr returns the expression of the map that a accesses: the indexed
// or ranged expression, or the call's argument that is the map (the
// source of maps.Copy(dst, src) for its read).
func (s *syntax) mapExpr(a *access) ast.Expr {
	c, ok := s.at[a.Pos]
	if !ok {
		return nil
	}
	switch n := c.Node().(type) {
	case *ast.IndexExpr:
		return n.X
	case *ast.CallExpr:
		if i := mapArg(a); i < len(n.Args) {
			return n.Args[i]
		}
	case *ast.RangeStmt:
		return n.X
	}
	return nil
}

// mapArg returns the index of the argument of a's call that is the map it
// accesses (0 when it is not known).
func mapArg(a *access) int {
	c, ok := a.Instr.(ssa.CallInstruction)
	if !ok || a.Map == nil {
		return 0
	}
	for i, arg := range c.Common().Args {
		if arg == a.Map {
			return i
		}
	}
	return 0
}

// mapName prints the map accessed by a for messages.
func (ck *checker) mapName(a *access) string {
	if a.Holder != nil {
		return mapid.RefOf(a.Holder).String() + "." + a.Field.Name()
	}
	if e := ck.syn.mapExpr(a); e != nil {
		return types.ExprString(ast.Unparen(e))
	}
	return a.id.String()
}

// lockName prints l as the receiver of its Lock call (s.mu), or by its ref
// when it was taken by a helper: a call is a lock operation when the API
// table gives its callee a lock role, whatever the method is named.
func (ck *checker) lockName(l lockset.Lock) string {
	if _, call, sel, ok := ck.lockCall(l); ok && ck.lockRole(call) != 0 {
		return types.ExprString(sel.X)
	}
	return l.Ref.String()
}

// lockCall returns the method call that took l where the package's
// syntax has it (s.mu.Lock()), its cursor, and its selector, whose X is
// the receiver it locks (s.mu); ok is false when l was taken elsewhere or
// not by a method call.
func (ck *checker) lockCall(l lockset.Lock) (c inspector.Cursor, call *ast.CallExpr, sel *ast.SelectorExpr, ok bool) {
	c, ok = ck.syn.at[l.Pos]
	if !ok {
		return c, nil, nil, false
	}
	call, ok = c.Node().(*ast.CallExpr)
	if !ok {
		return c, nil, nil, false
	}
	sel, ok = ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return c, nil, nil, false
	}
	return c, call, sel, true
}

// guardText prints the guard g of the map a accesses, with the locks tied
// with it ("a.cmu or a.mu"), and returns why the fix cannot take it, or
// "": it takes a single lock it can name (when locks are tied, the
// evidence does not say which one the access should take).
func (ck *checker) guardText(a *access, g guard.Guard) (string, string) {
	name, why := ck.oneGuardText(a, g)
	for _, t := range g.Tied {
		n, _ := ck.oneGuardText(a, t)
		name = name + " or " + n
	}
	if len(g.Tied) > 0 {
		why = "the other accesses do not show which of " + name + " this one should take"
	}
	return name, why
}

func (ck *checker) oneGuardText(a *access, g guard.Guard) (string, string) {
	ref := g.For(a.base)
	if gl, ok := ref.Root.(*ssa.Global); ok && gl.Pkg != nil && gl.Pkg.Pkg == ck.pass.Pkg && ref.Path.IsEmpty() {
		return gl.Name(), ""
	}
	return ck.guardName(a, ref, g.Rel)
}

// guardName prints the guard of a map accessed through base as source text
// (s.mu for the map s.seen), and returns why the fix cannot use it as an
// expression, or "".
func (ck *checker) guardName(a *access, ref mapid.Ref, rel mapid.Path) (string, string) {
	name := ref.String()
	if ref.Path.Serial() {
		// No lock call names an executor: the access has to move into
		// one of its tasks, which only its author can write.
		return name, fmt.Sprintf("%s is no lock: the access must run as one of its tasks", name)
	}
	if hasIndex(rel) {
		return name, name + " is reached through an index"
	}
	e := ck.syn.mapExpr(a)
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if rel.IsEmpty() || a.Holder != nil || !ok || !edits.Repeatable(sel.X) {
		return name, name + " cannot be named from the map's expression"
	}
	return types.ExprString(sel.X) + rel.String(), ""
}

// hasIndex reports whether p indexes an array or slice.
func hasIndex(p mapid.Path) bool {
	for i := range p.Len() {
		if k := p.At(i).Kind(); k == mapid.IndexStep || k == mapid.ConstIndexStep {
			return true
		}
	}
	return false
}
