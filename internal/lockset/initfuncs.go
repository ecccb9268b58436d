package lockset

import (
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/srcfuncs"
)

// The package initializer is not among buildssa's SrcFuncs, nor are the
// function literals of package-level variables, whose parent it is. The
// literals are functions of the package like any other: they call its
// helpers (pebble's migrations, see tables.go), and without them those
// helpers had no callers and ran under no lock.

// initOf returns the package initializer of the package of fns, or nil.
func initOf(fns []*ssa.Function) *ssa.Function {
	if pkg := ssaPkgOf(fns); pkg != nil {
		return pkg.Func("init")
	}
	return nil
}

// withInitClosures returns fns followed by the closures of the package
// initializer not among them (srcfuncs.WithInitClosures).
func withInitClosures(fns []*ssa.Function) []*ssa.Function {
	return srcfuncs.WithInitClosures(ssaPkgOf(fns), fns)
}
