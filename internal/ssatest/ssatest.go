// Package ssatest builds small SSA programs from source for the unit tests of
// the internal analysis packages.
package ssatest

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// Build type-checks src (a file of package p, importing only the standard
// library) and returns its SSA package, built.
func Build(t testing.TB, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg := types.NewPackage("p", "p")
	conf := &types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	ssapkg, _, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, ssa.SanityCheckFunctions|ssa.InstantiateGenerics)
	if err != nil {
		t.Fatal(err)
	}
	return ssapkg
}

// Funcs returns the package's functions and methods declared in source, and
// their closures, in a deterministic order.
func Funcs(pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		out = append(out, fn)
		for _, c := range fn.AnonFuncs {
			add(c)
		}
	}
	for fn := range ssautil.AllFunctions(pkg.Prog) {
		if fn.Pkg == pkg && fn.Parent() == nil && fn.Synthetic == "" {
			add(fn)
		}
	}
	sortByPos(out)
	return out
}

func sortByPos(fns []*ssa.Function) {
	for i := 1; i < len(fns); i++ {
		for j := i; j > 0 && less(fns[j], fns[j-1]); j-- {
			fns[j], fns[j-1] = fns[j-1], fns[j]
		}
	}
}

func less(a, b *ssa.Function) bool {
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	return a.String() < b.String()
}

// Func returns the function named name (String() form, e.g. "p.f" or
// "(*p.T).m").
func Func(t testing.TB, pkg *ssa.Package, name string) *ssa.Function {
	t.Helper()
	for _, fn := range Funcs(pkg) {
		if fn.String() == name {
			return fn
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}
