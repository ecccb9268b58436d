// Package integration holds the end-to-end tests of the golangci-lint and
// gopls builds (golangci/build, gopls/build): each test builds its tool
// (cached under os.UserCacheDir()/maplint-integration, keyed by a hash of
// the inputs), runs it on the example module testdata/example, and compares
// what the tool reports with what maplint's own command reports there.
//
// The example module has one file per pass, named after it, with a clear
// finding of that pass, and clean.go, on which every pass must be silent.
// The tests are data-driven over maplint.Analyzers(): a registered pass
// without an example file, or without a finding in it, fails them.
//
// Set MAPLINT_SKIP_INTEGRATION=1 to skip them.
package integration

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/maplint/maplint"
)

// example is the example module, relative to this package's directory.
const example = "testdata/example"

func skipUnlessIntegration(t *testing.T) {
	t.Helper()
	if os.Getenv("MAPLINT_SKIP_INTEGRATION") == "1" {
		t.Skip("MAPLINT_SKIP_INTEGRATION=1")
	}
}

var scratch string // removed by TestMain

func TestMain(m *testing.M) {
	var err error
	scratch, err = os.MkdirTemp("", "maplint-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(scratch)
	os.Exit(code)
}

// run runs name with args in dir and returns its combined output and exit
// code; it fails the test only if the command could not be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ctx.Err() == nil {
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), 0
}

// buildTool returns the binary built by <tool>/build, building it unless the
// cache holds one built from the same inputs.
func buildTool(t *testing.T, tool string, env ...string) string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join(tool, "build"))
	if err != nil {
		t.Fatal(err)
	}
	key := inputsHash(t, script, env)
	base, err := os.UserCacheDir()
	if err != nil {
		base = scratch
	}
	cache := filepath.Join(base, "maplint-integration")
	dir := filepath.Join(cache, tool+"-"+key)
	bin := filepath.Join(dir, tool+"-maplint")
	if fi, err := os.Stat(bin); err == nil {
		t.Logf("%s: cached %s (%.1f MB)", tool, bin, float64(fi.Size())/1e6)
		return bin
	}
	// Drop the builds of older inputs: each is tens of megabytes.
	old, _ := filepath.Glob(filepath.Join(cache, tool+"-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := bin + ".tmp" + strconv.Itoa(os.Getpid())
	start := time.Now()
	out, code := run(t, scratch, env, script, tmp)
	if code != 0 {
		t.Fatalf("%s exited with %d:\n%s", script, code, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: built %s in %s (%.1f MB)", tool, bin, time.Since(start).Round(time.Second), float64(fi.Size())/1e6)
	return bin
}

// inputsHash hashes what a build depends on: the script, the environment
// it is given, the go command's version and maplint's sources (the non-test
// Go files of the main module, go.mod and go.sum).
func inputsHash(t *testing.T, script string, env []string) string {
	t.Helper()
	h := sha256.New()
	add := func(name string, data []byte) {
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	add("script", data)
	for _, e := range env {
		add("env", []byte(e))
	}
	for _, v := range []string{"GOLANGCI_LINT_VERSION", "GOPLS_VERSION", "GOPLS_TOOLCHAIN", "GOFLAGS", "GOTOOLCHAIN"} {
		add(v, []byte(os.Getenv(v)))
	}
	gover, code := run(t, scratch, nil, "go", "env", "GOVERSION")
	if code != 0 {
		t.Fatalf("go env GOVERSION: %s", gover)
	}
	add("go", []byte(gover))
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if path == root {
				return nil
			}
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module is not built
			}
			return nil
		}
		name := d.Name()
		if rel == "go.mod" || rel == "go.sum" || strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			add(filepath.ToSlash(rel), data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// copyExample copies the example module into a fresh directory.
func copyExample(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := os.CopyFS(dst, os.DirFS(example))
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// A finding is one diagnostic of maplint's own command (the reference).
type finding struct {
	Pass    string
	File    string // base name: the example module is one directory
	Line    int
	Col     int
	Message string
	Related []related
	Fixes   []fix
}

type related struct {
	File    string
	Line    int
	Col     int
	Message string
}

type fix struct {
	Message string
	Edits   []struct {
		Filename   string
		Start, End int
		New        string
	}
}

// key is the finding as golangci-lint prints it, without the linter name.
func (f finding) key() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Col, f.Pass, f.Message)
}

var buildMaplint = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(scratch, "maplint")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/maplint/maplint/cmd/maplint").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build cmd/maplint: %v\n%s", err, out)
	}
	return bin, nil
})

// reference runs maplint's own command on the module in dir and returns its
// findings in source order.
func reference(t *testing.T, dir string) []finding {
	t.Helper()
	bin, err := buildMaplint()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-json", "./...")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("maplint -json ./...: %v\n%s%s", err, out, stderr.Bytes())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("maplint -json output: %v\n%s", err, out)
	}
	type jsonDiag struct {
		Posn    string
		Message string
		Related []struct{ Posn, Message string }
		Fixes   []fix `json:"suggested_fixes"`
	}
	var res []finding
	for pkg, byPass := range tree {
		for pass, raw := range byPass {
			var diags []jsonDiag
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("maplint on %s: pass %s: %s", pkg, pass, raw)
			}
			for _, d := range diags {
				file, line, col := posn(t, d.Posn)
				f := finding{Pass: pass, File: file, Line: line, Col: col, Message: d.Message, Fixes: d.Fixes}
				for _, r := range d.Related {
					file, line, col := posn(t, r.Posn)
					f.Related = append(f.Related, related{file, line, col, r.Message})
				}
				res = append(res, f)
			}
		}
	}
	slices.SortFunc(res, func(a, b finding) int { return strings.Compare(a.key(), b.key()) })
	return res
}

// posn splits "dir/file.go:line:col".
func posn(t *testing.T, s string) (string, int, int) {
	t.Helper()
	rest, c, ok1 := cutLast(s, ":")
	file, l, ok2 := cutLast(rest, ":")
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		t.Fatalf("bad position %q", s)
	}
	return filepath.Base(file), line, col
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// checkExamples checks that the example module exercises every registered
// pass: each has its file, with at least one finding of that pass in it; no
// pass reports on clean.go; and some finding carries a fix.
func checkExamples(t *testing.T, want []finding) {
	t.Helper()
	passes := maplint.Analyzers()
	if len(passes) == 0 {
		t.Fatal("maplint.Analyzers() is empty: there is nothing to test end to end")
	}
	for _, a := range passes {
		file := a.Name + ".go"
		if _, err := os.Stat(filepath.Join(example, file)); err != nil {
			t.Errorf("pass %s has no example: add %s/%s with a clear finding of it", a.Name, example, file)
			continue
		}
		if !slices.ContainsFunc(want, func(f finding) bool { return f.Pass == a.Name && f.File == file }) {
			t.Errorf("maplint reports no %s finding in %s/%s", a.Name, example, file)
		}
	}
	for _, f := range want {
		if f.File == "clean.go" {
			t.Errorf("false positive on clean code: %s", f.key())
		}
	}
	if !slices.ContainsFunc(want, func(f finding) bool { return len(f.Fixes) > 0 }) {
		t.Errorf("no finding in %s carries a fix", example)
	}
	if t.Failed() {
		t.FailNow()
	}
}

// readFiles returns the contents of the .go files in dir.
func readFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(n)] = string(data)
	}
	return files
}
