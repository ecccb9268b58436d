package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/types"
	"maps"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// TestExportReadsNeverWriteSeenPackages checks typesOf's invariant (see
// graph.go): no export data read writes into a package that the analysis
// of another package can see. In testdata/exportrace, after an edit of b
// and c (their dependencies come from the cache, so no type-checker reads
// s's data on their behalf), b's analysis sees s through a's types (a's
// API mentions s.T alone) and walks s's scope as buildssa does, while c's
// analysis, which sees nothing of s, enumerates its dependencies' facts
// and so has s's export data read. When the read of a's data left s
// incomplete, the read of s's own data declared the rest of s while b's
// analysis walked it: under -race (.ci/run) this test then fails with a
// data race, as bench's client-go run died with "concurrent map read and
// map write" in go/types.(*Scope).Lookup; without -race it fails because
// b's analysis saw an incomplete package.
//
// The two analyses are ordered by channels only where the race detector
// must not see an order: c reads s's data after b has started walking (b
// closes typed), and b walks until c is done (done), checking done without
// blocking, so b's walks after c's read are not ordered after it.
func TestExportReadsNeverWriteSeenPackages(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/exportrace")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("CGO_ENABLED", "0") // no runtime/cgo to analyse: the fixture imports nothing else
	var (
		edited      bool
		typed, done = make(chan struct{}), make(chan struct{})
		typedOnce   sync.Once
		mu          sync.Mutex
		incomplete  = make(map[string]bool)
	)
	a := &analysis.Analyzer{
		Name:      "exportrace",
		Doc:       "exportrace: walks the packages b sees while c reads s",
		FactTypes: []analysis.Fact{new(testFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			switch name := pass.Pkg.Name(); {
			case (name == "b" || name == "c") && !edited:
				// The first run fills the cache.
			case name == "b":
				typedOnce.Do(func() { close(typed) })
				for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
					for _, path := range walkImports(pass.Pkg) {
						mu.Lock()
						incomplete[path] = true
						mu.Unlock()
					}
					select {
					case <-done:
						return nil, nil
					default:
					}
				}
				return nil, fmt.Errorf("c's analysis did not run alongside b's")
			case name == "c":
				select {
				case <-typed:
				case <-time.After(10 * time.Second):
					return nil, fmt.Errorf("b's analysis did not run alongside c's")
				}
				pass.AllObjectFacts()
				close(done)
			default:
				// Facts on every object of a dependency, so that c's
				// enumeration reads the data of each.
				for _, name := range pass.Pkg.Scope().Names() {
					pass.ExportObjectFact(pass.Pkg.Scope().Lookup(name), new(testFact))
				}
			}
			return nil, nil
		},
	}
	for _, edit := range []bool{false, true} {
		if edit {
			edited = true
			for _, name := range []string{"b/b.go", "c/c.go"} {
				f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
				if err == nil {
					_, err = f.WriteString("// edited\n")
					err = errors.Join(err, f.Close())
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-j", "2", "./b", "./c"}, []*analysis.Analyzer{a}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d, want 0:\n%s%s", code, &stdout, &stderr)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(incomplete)) {
		t.Errorf("b's analysis saw package %s incomplete", path)
	}
}

// walkImports reads every package that pkg's Imports() lead to, as buildssa
// does when it creates them, and returns the paths of those that are not
// complete.
func walkImports(pkg *types.Package) (incomplete []string) {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if !p.Complete() {
			incomplete = append(incomplete, p.Path())
		}
		for _, name := range p.Scope().Names() {
			p.Scope().Lookup(name)
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, imp := range pkg.Imports() {
		visit(imp)
	}
	return incomplete
}
