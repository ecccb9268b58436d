package apis

import (
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
			if r.Role != MapLayout && !slices.Contains(paths, r.Pkg) {
				paths = append(paths, r.Pkg)
			}
		}
	}
	byPath := load(t, paths)
	for _, r := range rows {
		if r.Role == MapLayout {
			// Link symbols, not declarations: the runtime of one Go
			// release defines some, another release others (the
			// runtime's map functions moved to internal/runtime/maps
			// in Go 1.24 and are pushed to their old names).
			if r.Why == "" {
				t.Errorf("%s.%s: no reason given", r.Pkg, r.Name)
			}
			continue
		}
		if _, ok := byPath[r.Pkg]; !ok {
			t.Logf("%s: not in the module graph nor the module cache; row %s.%s not checked", r.Pkg, r.Type, r.Name)
			continue
		}
		switch r.Role {
		case OrderFreeField, OrderFreeResultsField:
			checkField(t, byPath[r.Pkg], r)
			continue
		case TagOmits:
			// A tag key: a name no function of the package has.
			if lookup(byPath[r.Pkg], r.Type, r.Name) != nil || r.Why == "" {
				t.Errorf("%+v: names a function, or no reason given", r)
			}
			continue
		case KeepOrder:
			if c := KeepOrderFlag(byPath[r.Pkg]); c == nil || c.Name() != r.Name || r.Why == "" {
				t.Errorf("%+v: KeepOrderFlag = %v, or no reason given", r, c)
			}
			continue
		}
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
		if r.Arg == Recv && sig.Recv() == nil && r.Role != NonNilMap && r.Role != NonNilError && r.Role != Random {
			t.Errorf("%v: role %d concerns the receiver of a function", fn, r.Role)
		}
		if r.Arg >= sig.Params().Len() && !(r.Arg == 0 && sig.Variadic()) {
			t.Errorf("%v: argument %d out of range", fn, r.Arg)
		}
	}
}

// checkField checks that the field row r names a field that exists, that
// FindField finds it, and that it gives a reason.
func checkField(t *testing.T, pkg *types.Package, r Row) {
	t.Helper()
	tn, _ := pkg.Scope().Lookup(r.Type).(*types.TypeName)
	if tn == nil {
		t.Errorf("%+v: no such type", r)
		return
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, r.Name)
	field, _ := obj.(*types.Var)
	if field == nil || !field.IsField() {
		t.Errorf("%+v: no such field", r)
		return
	}
	if r.Why == "" {
		t.Errorf("%s.%s.%s: no reason given", r.Pkg, r.Type, r.Name)
	}
	if got, ok := FindField(types.NewPointer(tn.Type()), field, r.Role); !ok || got != r {
		t.Errorf("FindField(%v) = %+v, %v; want %+v", field, got, ok, r)
	}
}

// load type-checks the packages at paths: those of maplint's module graph
// in place, the others (decoders of third-party modules the table names)
// in a scratch module that resolves them from the local module cache only,
// so that the test never goes to the network. A package found in neither
// is left out.
func load(t *testing.T, paths []string) map[string]*types.Package {
	mode := packages.NeedTypes | packages.NeedName
	byPath := make(map[string]*types.Package)
	var missing []string
	pkgs, err := packages.Load(&packages.Config{Mode: mode}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		// go list fails as a whole when one path is in no module of
		// the graph, and the load returns no package at all (every
		// row went unchecked): load the paths one by one.
		for _, p := range paths {
			one, err := packages.Load(&packages.Config{Mode: mode}, p)
			if err != nil {
				t.Fatal(err)
			}
			pkgs = append(pkgs, one...)
		}
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			missing = append(missing, p.PkgPath)
			continue
		}
		byPath[p.PkgPath] = p.Types
	}
	if len(missing) == 0 {
		return byPath
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := "package scratch\n\nimport (\n"
	for _, p := range missing {
		src += "\t_ " + strconv.Quote(p) + "\n"
	}
	src += ")\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module scratch\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "scratch.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	proxy := "file://" + filepath.ToSlash(filepath.Join(strings.TrimSpace(string(out)), "cache", "download"))
	env := append(os.Environ(), "GOPROXY="+proxy, "GOFLAGS=-mod=mod", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local")
	pkgs, err = packages.Load(&packages.Config{Mode: mode, Dir: dir, Env: env}, missing...)
	if err != nil {
		t.Logf("scratch module: %v", err)
		return byPath
	}
	for _, p := range pkgs {
		if len(p.Errors) == 0 {
			byPath[p.PkgPath] = p.Types
		}
	}
	return byPath
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

// TestImplementationRow checks that only a row naming a whole package
// makes it the map implementation: the runtime has rows for some of its
// functions, and is not, as a whole, the place its map types live.
func TestImplementationRow(t *testing.T) {
	if _, ok := ImplementationRow("internal/runtime/maps"); !ok {
		t.Errorf("internal/runtime/maps: no implementation row")
	}
	for _, pkg := range []string{"runtime", "reflect", "maps"} {
		if _, ok := ImplementationRow(pkg); ok {
			t.Errorf("%s: unexpected implementation row", pkg)
		}
	}
}
