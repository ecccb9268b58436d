package nilmerge_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestGoldenFilesTypeCheck type-checks every scenario as its fixes leave it
// (each .go file replaced by its .golden file, when there is one), so that
// a fix that does not compile fails here.
func TestGoldenFilesTypeCheck(t *testing.T) {
	src := filepath.Join(analysistest.TestData(), "src")
	goldens, err := filepath.Glob(filepath.Join(src, "*", "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	dirs := make(map[string]bool)
	var order []string
	for _, g := range goldens {
		if d := filepath.Dir(g); !dirs[d] {
			dirs[d] = true
			order = append(order, d)
		}
	}
	for _, dir := range order {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fset := token.NewFileSet()
			imp := &testdataImporter{src: src, fset: fset, std: importer.ForCompiler(fset, "source", nil), done: make(map[string]*types.Package)}
			if _, err := imp.check(dir, true); err != nil {
				t.Error(err)
			}
		})
	}
}

// testdataImporter imports packages from testdata/src, and the standard
// library from source.
type testdataImporter struct {
	src  string
	fset *token.FileSet
	std  types.Importer
	done map[string]*types.Package
}

func (imp *testdataImporter) Import(path string) (*types.Package, error) {
	if p, ok := imp.done[path]; ok {
		return p, nil
	}
	dir := filepath.Join(imp.src, filepath.FromSlash(path))
	if _, err := os.Stat(dir); err != nil {
		return imp.std.Import(path)
	}
	p, err := imp.check(dir, false)
	imp.done[path] = p
	return p, err
}

// check type-checks the package in dir, using golden files in place of the
// files they fix when golden is set.
func (imp *testdataImporter) check(dir string, golden bool) (*types.Package, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		if _, err := os.Stat(name + ".golden"); golden && err == nil {
			name += ".golden"
		}
		f, err := parser.ParseFile(imp.fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	path, _ := filepath.Rel(imp.src, dir)
	conf := types.Config{Importer: imp}
	return conf.Check(filepath.ToSlash(path), imp.fset, files, nil)
}
