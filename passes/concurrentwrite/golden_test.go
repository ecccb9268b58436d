package concurrentwrite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// fixScenarios are the testdata packages whose fixes are golden-tested.
var fixScenarios = []string{"guardedstruct", "readlock"}

// TestGoldenTypeChecks applies the golden files (the fixed code) over a copy
// of testdata and type-checks the fixed packages: a fix must leave code that
// compiles.
func TestGoldenTypeChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gopath := t.TempDir()
	src := filepath.Join("testdata", "src")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(gopath, "src", strings.TrimSuffix(rel, ".golden"))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if !strings.HasSuffix(rel, ".golden") {
			if _, err := os.Stat(path + ".golden"); err == nil {
				return nil // the golden version wins
			}
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedName,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, fixScenarios...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(fixScenarios) {
		t.Fatalf("loaded %d packages, want %d", len(pkgs), len(fixScenarios))
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: fixed code does not type-check: %v", p.PkgPath, e)
		}
	}
}
