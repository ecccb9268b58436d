// Package srcfuncs completes the list of a package's functions that
// buildssa gives (SrcFuncs: each declared function, then its closures)
// with the closures of the package initializer: the function literals of
// package-level variable initializers, whose parent is the synthetic init
// function and which buildssa therefore leaves out. They are code of the
// package like any other: sqlc's `var genCmd = &cobra.Command{RunE:
// func(...) error {...}}` holds a command's body, and pebble's
// `var migrations = map[V]func(*DB) error{...}` calls the package's
// helpers, which without them have no callers.
package srcfuncs

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// WithInitClosures returns fns followed by the closures of pkg's
// initializer that fns does not hold, nested ones included, each after its
// parent. fns is not modified; a nil pkg adds nothing.
func WithInitClosures(pkg *ssa.Package, fns []*ssa.Function) []*ssa.Function {
	if pkg == nil {
		return fns
	}
	init := pkg.Func("init")
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
