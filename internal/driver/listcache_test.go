package driver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// TestListedPart checks that what go list reads of a file is its header:
// an edit of a body keeps it, an import or a build constraint does not,
// and a file that imports embed counts whole.
func TestListedPart(t *testing.T) {
	base := "//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n"
	for _, c := range []struct {
		edit string
		same bool
	}{
		{"//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println(1) }\n// more\n", true},
		{"//go:build linux\n\npackage p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc F() { fmt.Println(os.Args) }\n", false},
		{"//go:build darwin\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n", false},
		{"//go:build linux\n\npackage q\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n", false},
	} {
		if got := bytes.Equal(listedPart([]byte(base)), listedPart([]byte(c.edit))); got != c.same {
			t.Errorf("listedPart equal = %t, want %t, for\n%s", got, c.same, c.edit)
		}
	}
	embed := "package p\n\nimport _ \"embed\"\n\n//go:embed x.txt\nvar s string\n"
	if got := listedPart([]byte(embed)); string(got) != embed {
		t.Errorf("listedPart of a file that imports embed = %q, want all of it", got)
	}
}

// TestListCache checks that a listing comes from the cache while the files
// go list reads are unchanged, and from go list when the main module
// gains an import, a file or a package, with the same packages either way.
func TestListCache(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		name = filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("a.go", "package m\n\nimport \"strings\"\n\nvar A = strings.ToUpper(\"a\")\n")
	write("b/b.go", "package b\n\nimport \"example.com/m\"\n\nvar B = m.A\n")
	t.Chdir(root)
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	o := &options{cacheDir: t.TempDir(), tests: true}
	cfg := &packages.Config{Mode: loadMode, Tests: true}
	check := func(what string, wantCached bool) {
		t.Helper()
		l, err := list(cfg, []string{"./..."}, o)
		if err != nil {
			t.Fatal(err)
		}
		if l.cached != wantCached {
			t.Errorf("%s: from the cache %t, want %t", what, l.cached, wantCached)
		}
		fresh, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := describe(l.roots), describe(fresh); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: packages\n%v\nwant\n%v", what, got, want)
		}
	}
	check("first run", false)
	check("second run", true)
	write("a.go", "package m\n\nimport \"strings\"\n\nvar A = strings.ToUpper(\"a\") + \"!\"\n")
	check("body edited", true)
	write("a.go", "package m\n\nimport (\n\t\"os\"\n\t\"strings\"\n)\n\nvar A = strings.ToUpper(os.Args[0])\n")
	check("import added", false)
	check("after the import", true)
	write("c.go", "package m\n\nvar C = 1\n")
	check("file added", false)
	write("d/d.go", "package d\n")
	check("package added", false)
	write("d/notes.txt", "x")
	check("other file added", false)
	check("unchanged", true)
}

// describe lists what the driver takes of packages and their
// dependencies, by ID.
func describe(roots []*packages.Package) map[string]string {
	out := make(map[string]string)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if _, ok := out[p.ID]; ok {
			return
		}
		imports := make(map[string]string)
		for path, d := range p.Imports {
			imports[path] = d.ID
		}
		var mod packages.Module
		if p.Module != nil {
			mod = *p.Module
		}
		out[p.ID] = fmtAll(p.Name, p.PkgPath, p.Dir, p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles, imports, mod.Path, mod.Main, mod.GoVersion, mod.Dir, len(p.Errors))
		for _, d := range p.Imports {
			visit(d)
		}
	}
	for _, p := range roots {
		visit(p)
	}
	return out
}

func fmtAll(v ...any) string { return fmt.Sprint(v...) }

// TestListDepsFresh checks that a listing recorded from a directory
// outside the main module stops being fresh when a Go file of it changes
// or an entry is added, and that a listing with errors is not cached.
func TestListDepsFresh(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	old := time.Now().Add(-time.Hour)
	set := func(content string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, old, old); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dir, old, old); err != nil {
			t.Fatal(err)
		}
	}
	set("package a\n")
	deps, ok := recordDeps([]string{dir})
	if !ok {
		t.Fatal("recordDeps failed")
	}
	e := &listEntry{Deps: deps}
	if !e.fresh(nil) {
		t.Error("unchanged: not fresh")
	}
	set("package a // edited\n")
	if e.fresh(nil) {
		t.Error("file edited: fresh")
	}
	set("package a\n")
	if err := os.WriteFile(filepath.Join(dir, "b.go"), []byte("package a\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(dir, "b.go"), old, old); err != nil {
		t.Fatal(err)
	}
	if e.fresh(nil) {
		t.Error("file added: fresh")
	}
	if modifiedSince(deps, old.UnixNano()+1) || !modifiedSince(deps, old.UnixNano()) {
		t.Error("modifiedSince does not compare modification times")
	}
	broken := &packages.Package{ID: "p", Errors: []packages.Error{{Msg: "no Go files"}}}
	if _, ok := flatten(&listing{roots: []*packages.Package{broken}}); ok {
		t.Error("a listing with errors is cached")
	}
}
