package lockset

import (
	"slices"

	"golang.org/x/tools/go/ssa"
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
// initializer not among them, nested ones included, each after its
// parent.
func withInitClosures(fns []*ssa.Function) []*ssa.Function {
	init := initOf(fns)
	if init == nil || len(init.AnonFuncs) == 0 {
		return fns
	}
	seen := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		seen[fn] = true
	}
	out := slices.Clip(fns) // appending must not write into the caller's array
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if !seen[fn] {
			seen[fn] = true
			out = append(out, fn)
		}
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, anon := range init.AnonFuncs {
		add(anon)
	}
	return out
}
