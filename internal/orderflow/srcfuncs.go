package orderflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/srcfuncs"
)

// SrcFuncs returns the functions of the package's source: buildssa's
// SrcFuncs (each declared function, then its closures), then the closures
// of the package initializer, the function literals of package-level
// variable initializers, which buildssa leaves out (their parent is the
// synthetic init function, which has no declaration). sqlc's
// `var genCmd = &cobra.Command{RunE: func(...) error {...}}` is the common
// shape of a command line: without it, every question asked of a
// statement in such a literal (Paths.Dead, Paths.Failing, the loops'
// flows) found no function and was answered no.
func SrcFuncs(s *buildssa.SSA) []*ssa.Function {
	return srcfuncs.WithInitClosures(s.Pkg, s.SrcFuncs)
}

// appendWithClosures appends fn and its closures, nested ones included.
func appendWithClosures(out []*ssa.Function, fn *ssa.Function) []*ssa.Function {
	out = append(out, fn)
	for _, anon := range fn.AnonFuncs {
		out = appendWithClosures(out, anon)
	}
	return out
}

// declaredFuncs returns, as buildssa's SrcFuncs, the functions of pkg's
// declarations and their closures, then the initializer's closures (see
// SrcFuncs).
func declaredFuncs(pkg *ssa.Package, files []*ast.File, info *types.Info) []*ssa.Function {
	var fns []*ssa.Function
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok && pkg.Prog.FuncValue(obj) != nil {
					fns = appendWithClosures(fns, pkg.Prog.FuncValue(obj))
				}
			}
		}
	}
	return srcfuncs.WithInitClosures(pkg, fns)
}
