package reliability_test

// The fuzz target: programs from the grammar of gen_test.go go through
// every maplint pass in process (fresh analyzers from maplint.New, run by
// x/tools' checker), which must not panic, must report the same thing
// twice, and must only suggest fixes that type-check.
//
//	go test -run='^$' -fuzz=FuzzPasses -fuzztime=60s ./internal/reliability

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint"
	"github.com/maplint/maplint/internal/reliability"
)

// A typechecker type-checks single-file packages against the standard
// library, which it imports from source once and keeps.
type typechecker struct {
	fset *token.FileSet
	imp  types.Importer
}

func newTypechecker() *typechecker {
	fset := token.NewFileSet()
	return &typechecker{fset, importer.ForCompiler(fset, "source", nil)}
}

// load parses and type-checks the file at path as the package
// example.com/p, and returns it as go/packages would.
func (tc *typechecker) load(path string, src []byte) (*packages.Package, error) {
	f, err := parser.ParseFile(tc.fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: tc.imp, GoVersion: "go1.25", Sizes: types.SizesFor("gc", "amd64")}
	pkg, err := conf.Check("example.com/p", tc.fset, []*ast.File{f}, info)
	if err != nil {
		return nil, err
	}
	return &packages.Package{
		ID:              pkg.Path(),
		Name:            pkg.Name(),
		PkgPath:         pkg.Path(),
		GoFiles:         []string{path},
		CompiledGoFiles: []string{path},
		Fset:            tc.fset,
		Syntax:          []*ast.File{f},
		Types:           pkg,
		TypesInfo:       info,
		TypesSizes:      conf.Sizes,
		Imports:         map[string]*packages.Package{}, // the standard library has no facts for maplint
	}, nil
}

// analyze runs fresh instances of every pass on pkg and returns their
// diagnostics, one string per diagnostic and its fixes, in a fixed order.
func analyze(t *testing.T, pkg *packages.Package) ([]analysis.Diagnostic, []string) {
	t.Helper()
	graph, err := checker.Analyze(maplint.New(), []*packages.Package{pkg}, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	var diags []analysis.Diagnostic
	var text []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: analysis error: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			diags = append(diags, d)
			s := fmt.Sprintf("%s: %v: %s", act.Analyzer.Name, pkg.Fset.Position(d.Pos), d.Message)
			for _, fix := range d.SuggestedFixes {
				s += fmt.Sprintf("\n\tfix %q:", fix.Message)
				for _, e := range fix.TextEdits {
					s += fmt.Sprintf(" [%d,%d)%q", e.Pos, e.End, e.NewText)
				}
			}
			text = append(text, s)
		}
	}
	return diags, text
}

// check runs the passes on src twice and checks each fix; it returns the
// number of diagnostics and of fixes.
func check(t *testing.T, tc *typechecker, src string) (ndiags, nfixes int) {
	path := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg, err := tc.load(path, []byte(src))
	if err != nil {
		t.Fatalf("the generator made an ill-typed program: %v\n%s", err, numbered(src))
	}
	diags, first := analyze(t, pkg)
	if _, second := analyze(t, pkg); strings.Join(first, "\n") != strings.Join(second, "\n") {
		t.Fatalf("two runs differ:\n%s\n---\n%s\nprogram:\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"), numbered(src))
	}
	file := tc.fset.File(pkg.Syntax[0].Pos())
	var all []reliability.AppliedFix
	for i := range diags {
		for j := range diags[i].SuggestedFixes {
			fix := diags[i].SuggestedFixes[j]
			af := reliability.AppliedFix{
				Diag: &reliability.Diagnostic{Posn: tc.fset.Position(diags[i].Pos).String(), Message: diags[i].Message},
				Fix:  &reliability.Fix{Message: fix.Message},
			}
			for _, e := range fix.TextEdits {
				if tc.fset.File(e.Pos) != file {
					t.Fatalf("fix %q edits another file", fix.Message)
				}
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				af.Fix.Edits = append(af.Fix.Edits, reliability.Edit{Filename: path, Start: file.Offset(e.Pos), End: file.Offset(end), New: string(e.NewText)})
			}
			if j == 0 {
				all = append(all, af)
			}
			nfixes++
			checkFixed(t, tc, path, src, "fix "+fmt.Sprintf("%q for %s", fix.Message, af.Diag.Posn), []reliability.AppliedFix{af})
		}
	}
	if len(all) > 1 {
		checkFixed(t, tc, path, src, "the fixes together", all)
	}
	return len(diags), nfixes
}

// checkFixed applies fixes to src and type-checks the result.
func checkFixed(t *testing.T, tc *typechecker, path, src, what string, fixes []reliability.AppliedFix) {
	t.Helper()
	files, _, err := reliability.Apply(fixes, func(string) ([]byte, error) { return []byte(src), nil })
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	fixed := files[path]
	if _, err := tc.load(path, fixed); err != nil {
		t.Fatalf("%s does not type-check: %v\nbefore:\n%s\nafter:\n%s", what, err, numbered(src), numbered(string(fixed)))
	}
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%3d %s\n", i+1, l)
	}
	return b.String()
}

func FuzzPasses(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("maplint: maps, goroutines and locks"))
	f.Add([]byte{2, 0, 1, 3, 7, 9, 0, 1, 2, 21, 4, 0, 8, 1, 1, 10, 0, 19, 1})
	tc := newTypechecker()
	// Type-check the standard library packages the grammar imports now:
	// the fuzzing engine takes a worker whose first input runs for more
	// than 10 s (on a busy machine) for hung, and kills it.
	for _, path := range []string{"fmt", "maps", "sort", "sync"} {
		if _, err := tc.imp.Import(path); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, tc, generate(data))
	})
}

// TestGenerated runs the fuzz target's checks on a few pseudo-random
// programs in every go test run, so that the grammar stays well-typed.
func TestGenerated(t *testing.T) {
	tc := newTypechecker()
	rng := rand.New(rand.NewPCG(1, 2))
	n := 30
	if testing.Short() {
		n = 5
	}
	diags, fixes := 0, 0
	for i := range n {
		data := make([]byte, 40+rng.IntN(200))
		for j := range data {
			data[j] = byte(rng.UintN(256))
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			d, f := check(t, tc, generate(data))
			diags += d
			fixes += f
		})
	}
	t.Logf("%d programs: %d findings, %d fixes", n, diags, fixes)
	if diags == 0 {
		t.Errorf("no findings: the grammar no longer exercises the passes")
	}
}
