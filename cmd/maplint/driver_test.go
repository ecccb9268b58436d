package main_test

// End-to-end tests of the standalone driver: its cache, build tags, and
// how it reports packages that do not load or type-check.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maplint/maplint/internal/testbin"
)

// runCached runs maplint with its cache in cache (the go command keeps its
// own build cache, so that go list stays warm).
func runCached(t *testing.T, dir, cache, bin string, args ...string) (string, int) {
	t.Helper()
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache) // os.UserCacheDir on darwin
	t.Setenv("LocalAppData", cache)
	return run(t, dir, bin, args...)
}

var analysedLine = regexp.MustCompile(`(?m)^maplint: analysed (\S+)$`)

// analysed returns the packages of the module that a -debug=analysed run
// analysed from source, sorted. Standard packages are left out: with cgo
// enabled, every run also loads runtime/cgo, syscall and their
// dependencies, which the files cgo generates import.
func analysed(out string) []string {
	var pkgs []string
	for _, m := range analysedLine.FindAllStringSubmatch(out, -1) {
		if first, _, _ := strings.Cut(m[1], "/"); strings.Contains(first, ".") {
			pkgs = append(pkgs, m[1])
		}
	}
	slices.Sort(pkgs)
	return pkgs
}

// appendComment changes the content of file, as an edit would.
func appendComment(t *testing.T, file string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n// edited\n"); err != nil {
		t.Fatal(err)
	}
}

// age sets the modification time of files to d ago.
func age(t *testing.T, d time.Duration, files ...string) {
	t.Helper()
	then := time.Now().Add(-d)
	for _, f := range files {
		if err := os.Chtimes(f, then, then); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCache(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	cache := t.TempDir()
	step := func(what string, want ...string) {
		t.Helper()
		out, code := runCached(t, dir, cache, bin, "-debug=analysed", "./...")
		if code != 3 || !mergeFinding.MatchString(out) {
			t.Errorf("%s: exit %d, want 3 and %s:\n%s", what, code, mergeFinding, out)
		}
		if got := analysed(out); !slices.Equal(got, want) {
			t.Errorf("%s: analysed %q, want %q\n%s", what, got, want, out)
		}
	}
	// Files modified over two seconds ago have their content hashes
	// memoised (see internal/driver/sources.go): age them, so that the
	// runs below use the memo.
	lib := filepath.Join(dir, "lib", "lib.go")
	age(t, time.Hour, lib, filepath.Join(dir, "app", "app.go"))
	step("first run", "example.com/merge/app", "example.com/merge/lib")
	// The cache is os.UserCacheDir()/maplint, which XDG_CACHE_HOME moves.
	if _, err := os.Stat(filepath.Join(cache, "maplint")); err != nil && runtime.GOOS == "linux" {
		t.Errorf("no cache under XDG_CACHE_HOME: %v", err)
	}
	step("second run")
	// Files are known by content: a new modification time alone changes
	// nothing; a change of content, even one aged at once, re-analyses.
	age(t, 30*time.Minute, lib)
	step("after touching lib")
	appendComment(t, lib)
	age(t, 20*time.Minute, lib)
	step("after editing lib, aged", "example.com/merge/app", "example.com/merge/lib")
	// app imports lib: a change to lib re-analyses both, one to app only app.
	appendComment(t, filepath.Join(dir, "lib", "lib.go"))
	step("after editing lib", "example.com/merge/app", "example.com/merge/lib")
	appendComment(t, filepath.Join(dir, "app", "app.go"))
	step("after editing app", "example.com/merge/app")
	step("once more")
	// The analyzers' flags are part of the key.
	out, _ := runCached(t, dir, cache, bin, "-debug=analysed", "-iterorder.strict", "./...")
	if got := analysed(out); len(got) != 2 {
		t.Errorf("with a new flag: analysed %q, want both packages\n%s", got, out)
	}
}

// TestCacheWithoutExport checks that a root nothing imports is cached
// without its types, and analysed again when a later run has a package
// that imports it: lib alone first, then the module, where app imports lib
// and needs lib's types and facts for its finding.
func TestCacheWithoutExport(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	cache := t.TempDir()
	out, code := runCached(t, dir, cache, bin, "-debug=analysed", "./lib")
	if want := []string{"example.com/merge/lib"}; code != 0 || !slices.Equal(analysed(out), want) {
		t.Errorf("lib alone: exit %d, analysed %q, want 0 and %q\n%s", code, analysed(out), want, out)
	}
	for _, want := range [][]string{{"example.com/merge/app", "example.com/merge/lib"}, nil} {
		out, code = runCached(t, dir, cache, bin, "-debug=analysed", "./...")
		if code != 3 || !mergeFinding.MatchString(out) {
			t.Errorf("the module: exit %d, want 3 and %s:\n%s", code, mergeFinding, out)
		}
		if got := analysed(out); !slices.Equal(got, want) {
			t.Errorf("the module: analysed %q, want %q\n%s", got, want, out)
		}
	}
}

// TestCgo checks a cgo package: analysed from cgo's output (go list is run
// with -compiled for it alone), with facts for its importers, and
// re-analysed when a header its preamble includes changes.
func TestCgo(t *testing.T) {
	bin := testbin.Maplint(t)
	cc, _ := exec.Command("go", "env", "CC").Output()
	enabled, _ := exec.Command("go", "env", "CGO_ENABLED").Output()
	if strings.TrimSpace(string(enabled)) != "1" {
		t.Skip("cgo is disabled")
	}
	if _, err := exec.LookPath(strings.TrimSpace(string(cc))); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	dir := module(t, "cgo")
	cache := t.TempDir()
	finding := regexp.MustCompile(`app[/\\]app.go:10:3: write to map out, which is nil`)
	step := func(what string, want ...string) {
		t.Helper()
		out, code := runCached(t, dir, cache, bin, "-debug=analysed", "./...")
		if code != 3 || !finding.MatchString(out) || strings.Contains(out, "import") {
			t.Errorf("%s: exit %d, want 3, %s and no import error:\n%s", what, code, finding, out)
		}
		if got := analysed(out); !slices.Equal(got, want) {
			t.Errorf("%s: analysed %q, want %q\n%s", what, got, want, out)
		}
	}
	step("first run", "example.com/cgo/app", "example.com/cgo/clib")
	step("second run")
	appendComment(t, filepath.Join(dir, "clib", "clib.h"))
	step("after editing the header", "example.com/cgo/app", "example.com/cgo/clib")
}

func TestTags(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "tags")
	finding := regexp.MustCompile(`extra.go:11:3: write to map m, which is nil.* \(nilmerge\)`)
	out, code := run(t, dir, bin, "./...")
	if code != 0 || out != "" {
		t.Errorf("maplint ./... without the tag: exit %d, want 0 and no output:\n%s", code, out)
	}
	out, code = run(t, dir, bin, "-tags=extra", "./...")
	if code != 3 || !finding.MatchString(out) {
		t.Errorf("maplint -tags=extra ./...: exit %d, want 3 and %s:\n%s", code, finding, out)
	}
}

// TestBrokenDependency: a package whose dependency does not type-check is
// analysed anyway, and the type error is printed once. Package uses calls
// a method of a variable the dependency left untyped, on which go/ssa
// panics: its analysis is skipped, without a crash or a message of its own.
func TestBrokenDependency(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "brokendep"), bin, "./...")
	finding := regexp.MustCompile(`app[/\\]app.go:14:3: write to map out, which is nil`)
	typeErr := regexp.MustCompile(`broken[/\\]broken.go:11:26: cannot use "8080"`)
	if code != 1 || !finding.MatchString(out) {
		t.Errorf("exit %d, want 1 (an error) and the finding %s:\n%s", code, finding, out)
	}
	if n := len(typeErr.FindAllString(out, -1)); n != 1 {
		t.Errorf("the type error is printed %d times, want once:\n%s", n, out)
	}
	if strings.Contains(out, "panic") || strings.Contains(out, "uses.go") {
		t.Errorf("package uses is reported on:\n%s", out)
	}
}

// TestMissingPackage: an import of a package that does not exist prints the
// go command's message once and nothing else.
func TestMissingPackage(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "missing"), bin, "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1:\n%s", code, out)
	}
	if strings.Count(out, "package maplintgone is not in std") != 1 {
		t.Errorf("want the go command's message once:\n%s", out)
	}
	for _, noise := range []string{"failed prerequisites", "could not import", "analysis skipped"} {
		if strings.Contains(out, noise) {
			t.Errorf("output has %q:\n%s", noise, out)
		}
	}
}

func TestVersion(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, ".", bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`^maplint version \S+ buildID=[0-9a-f]{64}\n$`).MatchString(out) {
		t.Errorf("maplint -V=full: exit %d, output %q", code, out)
	}
}
