package maplint_test

// What Bazel's nogo (rules_go) and other modular drivers require of an
// analyzer, checked here since no Bazel runs in this repository's CI (see
// docs/bazel.md): each pass package exports a package-level Analyzer, the
// analyzers validate, their facts survive gob and encode to the same bytes
// every time, they run with no flags set, and the passes keep no mutable
// state at package level.

import (
	"bytes"
	"encoding/gob"
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint"
)

// A nogo configuration names each analyzer by the import path of a package
// that declares `var Analyzer *analysis.Analyzer`, one per pass.
func TestNogoAnalyzerVariables(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the pass packages")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, "./passes/...")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		if filepath.Base(filepath.Dir(p.PkgPath)) != "passes" {
			continue // a pass's internal package
		}
		obj, ok := p.Types.Scope().Lookup("Analyzer").(*types.Var)
		if !ok || obj.Type().String() != "*golang.org/x/tools/go/analysis.Analyzer" {
			t.Errorf("%s: no package-level var Analyzer *analysis.Analyzer", p.PkgPath)
			continue
		}
		names = append(names, p.Name)
	}
	var suite []string
	for _, a := range maplint.Analyzers() {
		suite = append(suite, a.Name)
	}
	slices.Sort(names)
	slices.Sort(suite)
	if !slices.Equal(names, suite) {
		t.Errorf("pass packages %v, but maplint.Analyzers() has %v: each pass must be in the suite under its package name", names, suite)
	}
}

func TestNogoValidate(t *testing.T) {
	if err := analysis.Validate(maplint.Analyzers()); err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(maplint.New()); err != nil {
		t.Fatal(err)
	}
}

// gopls and nogo cannot set flags (nogo can, per analyzer, but a
// configuration that sets none must work): every flag's value is its
// default, and nothing is needed beyond it.
func TestNogoFlagDefaults(t *testing.T) {
	for _, a := range maplint.Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if got := f.Value.String(); got != f.DefValue {
				t.Errorf("%s: flag -%s is %q, not its default %q", a.Name, f.Name, got, f.DefValue)
			}
		})
	}
}

// nogo and go vet serialise facts with gob between processes, and cache
// them by content: every fact type must round-trip, and encode to the same
// bytes every time. Checked on zero values and on the facts the passes
// export on their testdata.
func TestNogoFacts(t *testing.T) {
	factTypes := make(map[reflect.Type]bool)
	for _, a := range allAnalyzers(maplint.New()) {
		for _, f := range a.FactTypes {
			factTypes[reflect.TypeOf(f)] = true
			checkGob(t, f)
		}
	}
	if testing.Short() {
		return
	}
	seen := make(map[reflect.Type]int)
	dirs, _ := filepath.Glob("passes/*/testdata")
	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(abs, "src")); err != nil {
			continue // only modules (escape's testdata): their facts are the helpers', exercised by the others
		}
		// analysistest's layout: GOPATH-style packages under testdata/src.
		cfg := &packages.Config{
			Mode:  packages.LoadAllSyntax,
			Dir:   filepath.Join(abs, "src"),
			Env:   append(os.Environ(), "GOPATH="+abs, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
			Tests: false,
		}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Fatal(err)
		}
		var ok []*packages.Package
		for _, p := range pkgs {
			if !p.IllTyped && len(p.Errors) == 0 {
				ok = append(ok, p)
			}
		}
		graph, err := checker.Analyze(maplint.New(), ok, &checker.Options{SanityCheck: true})
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if act.Err != nil {
				t.Errorf("%s: %v", act, act.Err)
			}
			if !act.IsRoot {
				continue
			}
			for _, f := range act.AllObjectFacts() {
				seen[reflect.TypeOf(f.Fact)]++
				checkGob(t, f.Fact)
			}
			for _, f := range act.AllPackageFacts() {
				seen[reflect.TypeOf(f.Fact)]++
				checkGob(t, f.Fact)
			}
		}
	}
	for typ := range factTypes {
		t.Logf("%v: %d facts from testdata", typ, seen[typ])
	}
}

func allAnalyzers(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if slices.Contains(out, a) {
			return
		}
		out = append(out, a)
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

// checkGob encodes f, decodes it into a new value, encodes that, and
// requires the same bytes each time.
func checkGob(t *testing.T, f analysis.Fact) {
	t.Helper()
	enc := func(v any) []byte {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(v); err != nil {
			t.Fatalf("%T: gob: %v", f, err)
		}
		return buf.Bytes()
	}
	first := enc(f)
	if !bytes.Equal(first, enc(f)) {
		t.Errorf("%T %v: two encodings differ", f, f)
	}
	back := reflect.New(reflect.TypeOf(f).Elem()).Interface()
	if err := gob.NewDecoder(bytes.NewReader(first)).Decode(back); err != nil {
		t.Fatalf("%T: gob decode: %v", f, err)
	}
	if !bytes.Equal(first, enc(back)) {
		t.Errorf("%T %v: re-encoding the decoded fact gives other bytes", f, f)
	}
}

// Analyzers run concurrently in one process under gopls, golangci-lint
// and nogo's workers: a package-level variable of a pass or of the shared
// machinery may be initialised, then only read. This test finds every
// package-level var in passes/ and internal/ and fails if any function
// assigns to it, increments it, writes into it (map index, field or
// element), deletes from or clears it, or takes its address, or if its
// type is a lock, an atomic, a sync.Map or a flag value. The Analyzer
// variables are exempt: their Flags are how drivers configure them.
func TestNogoNoMutableGlobals(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the pass packages")
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, "./passes/...", "./internal/...")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		globals := make(map[*types.Var]bool)
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			v, ok := scope.Lookup(name).(*types.Var)
			if !ok || name == "Analyzer" {
				continue
			}
			globals[v] = true
			if mutableType(v.Type()) {
				t.Errorf("%s: package-level var %s has a mutable type %s", p.Fset.Position(v.Pos()), name, v.Type())
			}
		}
		for _, f := range p.Syntax {
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					continue
				}
				for _, w := range writes(fn.Body) {
					if v, ok := p.TypesInfo.Uses[root(w)].(*types.Var); ok && globals[v] {
						t.Errorf("%s: %s writes package-level var %s", p.Fset.Position(w.Pos()), fn.Name.Name, v.Name())
					}
				}
			}
		}
	}
}

// writes returns the expressions that a body writes to or takes the
// address of.
func writes(body *ast.BlockStmt) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				out = append(out, n.Lhs...)
			}
		case *ast.IncDecStmt:
			out = append(out, n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				out = append(out, n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						out = append(out, e)
					}
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && (id.Name == "delete" || id.Name == "clear") && len(n.Args) > 0 {
				out = append(out, n.Args[0])
			}
		}
		return true
	})
	return out
}

// root returns the variable at the base of a written expression: m in
// m[k], s in s.f.g, p in *p.
func root(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// mutableType reports whether values of t change through their methods:
// locks, atomics, sync.Map, sync.Once, flag values.
func mutableType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "sync", "sync/atomic", "flag":
		return true
	}
	return false
}
