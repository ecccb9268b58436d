package goversion

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func pass(t *testing.T, pkgVersion string, src string) (*analysis.Pass, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{FileVersions: map[*ast.File]string{}}
	conf := types.Config{GoVersion: pkgVersion}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{Fset: fset, Pkg: pkg, TypesInfo: info, Files: []*ast.File{f}}, f
}

func TestVersions(t *testing.T) {
	for _, tc := range []struct {
		pkg, src, v string
		atLeast     bool
		before      bool
	}{
		{"go1.21", "package p", Go1_21, true, false},
		{"go1.21", "package p", Go1_22, false, true},
		{"go1.23", "package p", Go1_23, true, false},
		{"go1.23", "//go:build go1.21\n\npackage p", Go1_22, false, true}, // downgraded by the file
		{"go1.21", "//go:build go1.23\n\npackage p", Go1_23, true, false}, // upgraded by the file
		{"", "package p", Go1_21, false, false},                           // unknown: neither
	} {
		p, f := pass(t, tc.pkg, tc.src)
		if got := AtLeast(p, f, tc.v); got != tc.atLeast {
			t.Errorf("pkg %q, %q: AtLeast(%s) = %v, want %v", tc.pkg, tc.src, tc.v, got, tc.atLeast)
		}
		if got := Before(p, f, tc.v); got != tc.before {
			t.Errorf("pkg %q, %q: Before(%s) = %v, want %v", tc.pkg, tc.src, tc.v, got, tc.before)
		}
	}
}
