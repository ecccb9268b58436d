package apis

import (
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRowsResolve checks that every row names a function or method that
// exists, with the argument it concerns, and gives a reason.
func TestRowsResolve(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the packages the table names")
	}
	var paths []string
	var rows []Row
	for _, rs := range table {
		for _, r := range rs {
			rows = append(rows, r)
			if !slices.Contains(paths, r.Pkg) {
				paths = append(paths, r.Pkg)
			}
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, r := range rows {
		fn := lookup(byPath[r.Pkg], r.Type, r.Name)
		if fn == nil {
			t.Errorf("%+v: no such function", r)
			continue
		}
		if r.Why == "" {
			t.Errorf("%s.%s.%s: no reason given", r.Pkg, r.Type, r.Name)
		}
		if got := Rows(fn); !slices.Contains(got, r) {
			t.Errorf("Rows(%v) = %v, does not hold %+v", fn, got, r)
		}
		sig := fn.Type().(*types.Signature)
		if r.Arg == Recv && sig.Recv() == nil && r.Role != NonNilMap {
			t.Errorf("%v: role %d concerns the receiver of a function", fn, r.Role)
		}
		if r.Arg >= sig.Params().Len() {
			t.Errorf("%v: argument %d out of range", fn, r.Arg)
		}
	}
}

func lookup(pkg *types.Package, typ, name string) *types.Func {
	if pkg == nil {
		return nil
	}
	if typ == "" {
		fn, _ := pkg.Scope().Lookup(name).(*types.Func)
		return fn
	}
	tn, _ := pkg.Scope().Lookup(typ).(*types.TypeName)
	if tn == nil {
		return nil
	}
	recv := tn.Type()
	if !types.IsInterface(recv) {
		recv = types.NewPointer(recv)
	}
	obj, _, _ := types.LookupFieldOrMethod(recv, true, pkg, name)
	fn, _ := obj.(*types.Func)
	if fn != nil && recvName(fn) != typ {
		return nil // promoted from an embedded type: the row must name that type
	}
	return fn
}
