package driver

import (
	"bytes"
	"go/token"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFilesForgotten checks that once a package is analysed, the run's
// file set no longer holds its files (their line tables would otherwise
// stay live for the whole run), while its findings keep their positions.
func TestFilesForgotten(t *testing.T) {
	t.Chdir("../../testdata/modules/merge")
	var (
		mu     sync.Mutex
		fset   *token.FileSet
		parsed []*token.File
	)
	a := &analysis.Analyzer{
		Name: "firstfile",
		Doc:  "firstfile: reports the package clause of each file",
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			fset = pass.Fset
			for _, f := range pass.Files {
				parsed = append(parsed, pass.Fset.File(f.Package))
				pass.Reportf(f.Package, "package clause")
			}
			return nil, nil
		},
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-nocache", "./app"}, []*analysis.Analyzer{a}, &stdout, &stderr); code != 3 {
		t.Fatalf("exit %d, want 3:\n%s%s", code, &stdout, &stderr)
	}
	if len(parsed) == 0 {
		t.Fatal("no package analysed")
	}
	for _, tf := range parsed {
		if fset.File(token.Pos(tf.Base())) == tf {
			t.Errorf("%s is still in the file set after the run", tf.Name())
		}
	}
	if want := "app.go:2:1: package clause"; !bytes.Contains(stdout.Bytes(), []byte(want)) {
		t.Errorf("no finding %q in:\n%s", want, &stdout)
	}
}
