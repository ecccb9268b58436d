package escape

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goversion"
	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/report"
)

// cloneFix copies the map where it is read under the lock:
//
//	conns := cc.conns          →  conns := maps.Clone(cc.conns)
//	return c.items             →  return maps.Clone(c.items)
//	return commands            →  return maps.Clone(commands)
//
// The copy is made while the guard is held (the load held it), so later
// uses read a map nobody else writes. It changes behaviour for a caller
// that relied on aliasing (writing through the returned map): the fix's
// title says it copies, so such a caller can decline it. maps.Clone needs
// Go 1.21; older files get no fix. Writes through the alias in the same
// function, and maps held inside the guarded one, get no fix either
// (reportEscape). With no fix, it returns why.
func (ck *checker) cloneFix(l *load, pos token.Pos) ([]analysis.SuggestedFix, string) {
	file := ck.fileOf(pos)
	if file == nil {
		return nil, "the map is read outside the package's files"
	}
	if !goversion.AtLeast(ck.pass, file, goversion.Go1_21) {
		v := goversion.Of(ck.pass, file)
		if v == "" {
			v = "of an unknown version"
		}
		return nil, "maps.Clone needs Go 1.21, and this file is " + v
	}
	var global types.Object
	if l.id.Kind == mapid.Global {
		global = l.id.Global.Object()
	}
	expr := ck.mapExprAt(file, pos, global)
	if expr == nil {
		return nil, "the map is read where no expression names it"
	}
	text, err := ck.src.Text(expr)
	if err != nil {
		return nil, report.WhySource
	}
	prefix, imp := edits.AddImport(ck.pass.TypesInfo, file, "maps", "maps", "Clone", expr.Pos())
	rep, err := ck.src.Replace(file, expr, prefix+"Clone("+text+")")
	if err != nil {
		return nil, report.WhySource
	}
	return []analysis.SuggestedFix{{
		Message:   "Copy " + text + " with maps.Clone while the lock is held",
		TextEdits: append(imp, rep),
	}}, ""
}

// mapExprAt returns the expression that names the map read at pos: a
// selector whose selected name is at pos (c.items, pkg.Var), or an
// identifier at pos that names global, the package variable read
// (commands).
func (ck *checker) mapExprAt(file *ast.File, pos token.Pos, global types.Object) ast.Expr {
	var found ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		if found != nil || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Pos() == pos {
				found = n
				return false
			}
		case *ast.Ident:
			if n.Pos() == pos && global != nil && ck.pass.TypesInfo.Uses[n] == global {
				found = n
			}
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
