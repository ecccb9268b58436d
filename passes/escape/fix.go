package escape

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
)

// cloneFix copies the map where it is read under the lock:
//
//	conns := cc.conns          →  conns := maps.Clone(cc.conns)
//	return c.items             →  return maps.Clone(c.items)
//
// The copy is made while the guard is held (the load held it), so later
// uses read a map nobody else writes. It changes behaviour for a caller
// that relied on aliasing (writing through the returned map): the fix's
// title says it copies, so such a caller can decline it. maps.Clone needs
// Go 1.21; older files get no fix. Writes through the alias in the same
// function, and maps held inside the guarded one, get no fix either.
func (ck *checker) cloneFix(l *load, sel token.Pos) []analysis.SuggestedFix {
	file := ck.fileOf(sel)
	if file == nil || !goversion.AtLeast(ck.pass, file, goversion.Go1_21) {
		return nil
	}
	expr := selectorAt(file, sel)
	if expr == nil {
		return nil
	}
	text, err := ck.src.Text(expr)
	if err != nil {
		return nil
	}
	prefix, imp := edits.AddImport(ck.pass.TypesInfo, file, "maps", "maps", "Clone", expr.Pos())
	rep, err := ck.src.Replace(file, expr, prefix+"Clone("+text+")")
	if err != nil {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Copy " + text + " with maps.Clone while the lock is held",
		TextEdits: append(imp, rep),
	}}
}

// selectorAt returns the selector expression whose selected name is at pos.
func selectorAt(file *ast.File, pos token.Pos) *ast.SelectorExpr {
	var found *ast.SelectorExpr
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Pos() == pos {
			found = s
			return false
		}
		return true
	})
	return found
}

// fileOf returns the syntax of the pass's file holding pos.
func (ck *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range ck.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}
