package main_test

// End-to-end tests of every way the go command and users run maplint: they
// build the command, copy a module from testdata/modules into a temporary
// directory and run maplint on it as a user would.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maplint/maplint"
	"github.com/maplint/maplint/internal/testbin"
)

// The finding in testdata/modules/merge: out comes from lib.Defaults, which
// returns nil for an empty service name (known only through a fact).
var mergeFinding = regexp.MustCompile(`app[/\\]app.go:10:3: write to map out, which is nil`)

// module copies testdata/modules/name to a fresh directory and returns it.
func module(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "modules", name)
	err := os.CopyFS(dst, os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// goEnv is the environment for commands run in test modules: no workspace,
// the local toolchain, and no checksum database (not reachable offline; the
// test modules have no requirements, or take their sums from maplint's go.sum).
func goEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GONOSUMDB=*", "GOSUMDB=off")
}

// run runs name with args in dir and returns its combined output and exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		return "", -1
	}
}

func TestReportsWithExitCode3(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "merge"), bin, "./...")
	if code != 3 {
		t.Errorf("maplint ./... exited %d, want 3 (findings)\n%s", code, out)
	}
	if !mergeFinding.MatchString(out) {
		t.Errorf("maplint ./... output lacks %s:\n%s", mergeFinding, out)
	}
}

func TestCleanModuleExitsZero(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "clean"), bin, "./...")
	if code != 0 || out != "" {
		t.Errorf("maplint ./... on a clean module: exit %d, output:\n%s", code, out)
	}
}

func TestJSON(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "merge"), bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("maplint -json exited %d\n%s", code, out)
	}
	// package path → analyzer → diagnostics
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("maplint -json printed invalid JSON: %v\n%s", err, out)
	}
	var diags []struct {
		Posn, Message  string
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal(tree["example.com/merge/app"]["nilmerge"], &diags); err != nil {
		t.Fatalf("no nilmerge diagnostics for example.com/merge/app: %v\n%s", err, out)
	}
	if len(diags) != 1 || !mergeFinding.MatchString(diags[0].Posn+": "+diags[0].Message) || len(diags[0].SuggestedFixes) == 0 {
		t.Errorf("nilmerge diagnostics = %+v, want one with a fix matching %s", diags, mergeFinding)
	}
}

func TestContextLines(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	out, code := run(t, dir, bin, "-c=1", "./...")
	if code != 3 || !mergeFinding.MatchString(out) || !strings.Contains(out, "9\t\tfor k, v := range extra {\n10\t\t\tout[k] = v\n11\t\t}\n") {
		t.Errorf("maplint -c=1: exit %d, want the finding followed by lines 9-11 of app.go:\n%s", code, out)
	}
}

func TestFixDiffShowsButDoesNotWrite(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	before, _ := os.ReadFile(filepath.Join(dir, "app", "app.go"))
	out, code := run(t, dir, bin, "-fix", "-diff", "./...")
	if code != 0 || !strings.Contains(out, "+++") || !strings.Contains(out, "+\tif out == nil {") {
		t.Errorf("maplint -fix -diff: exit %d, want a diff adding a nil guard:\n%s", code, out)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "app", "app.go"))
	if !bytes.Equal(before, after) {
		t.Errorf("maplint -fix -diff changed app.go")
	}
}

// checkFixed checks that the fixes were applied to dir, and that the fixed
// module builds, vets, and has no findings left.
func checkFixed(t *testing.T, bin, dir string) {
	t.Helper()
	fixed, _ := os.ReadFile(filepath.Join(dir, "app", "app.go"))
	if !bytes.Contains(fixed, []byte("if out == nil {")) {
		t.Errorf("fix not applied; app.go is:\n%s", fixed)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if out, code := run(t, dir, "go", args...); code != 0 {
			t.Errorf("go %s on the fixed module: exit %d\n%s", args[0], code, out)
		}
	}
	if out, code := run(t, dir, bin, "./..."); code != 0 {
		t.Errorf("maplint still reports after the fix (exit %d):\n%s", code, out)
	}
}

func TestFix(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	if out, code := run(t, dir, bin, "-fix", "./..."); code != 0 {
		t.Fatalf("maplint -fix: exit %d\n%s", code, out)
	}
	checkFixed(t, bin, dir)
}

// TestGoVet runs maplint as go vet's tool: one process per package, with
// facts handed from lib to app by the go command (the finding needs them).
func TestGoVet(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "merge"), "go", "vet", "-vettool="+bin, "./...")
	if code == 0 || !mergeFinding.MatchString(out) {
		t.Errorf("go vet -vettool: exit %d, want the finding %s:\n%s", code, mergeFinding, out)
	}
	out, code = run(t, module(t, "clean"), "go", "vet", "-vettool="+bin, "./...")
	if code != 0 {
		t.Errorf("go vet -vettool on a clean module: exit %d\n%s", code, out)
	}
}

func TestGoFix(t *testing.T) {
	bin := testbin.Maplint(t)
	dir := module(t, "merge")
	if out, code := run(t, dir, "go", "fix", "-fixtool="+bin, "./..."); code != 0 {
		t.Fatalf("go fix -fixtool: exit %d\n%s", code, out)
	}
	checkFixed(t, bin, dir)
}

// TestGoTool pins maplint in a module with a tool directive, as
// `go get -tool github.com/maplint/maplint/cmd/maplint` does, with the
// requirement replaced by this checkout.
func TestGoTool(t *testing.T) {
	testbin.Maplint(t) // for the skip in short mode
	checkout, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t, "merge")
	gomod := "module example.com/merge\n\ngo 1.25.0\n\n" +
		"tool github.com/maplint/maplint/cmd/maplint\n\n" +
		"require github.com/maplint/maplint v0.0.0\n\n" +
		"replace github.com/maplint/maplint => " + filepath.ToSlash(checkout) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	// maplint's go.sum holds the sums of everything the tool needs.
	sums, err := os.ReadFile(filepath.Join(checkout, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sums, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, "go", "mod", "tidy"); code != 0 {
		t.Fatalf("go mod tidy: exit %d\n%s", code, out)
	}
	out, code := run(t, dir, "go", "tool", "maplint", "./...")
	if code != 3 || !mergeFinding.MatchString(out) {
		t.Errorf("go tool maplint ./...: exit %d, want 3 and %s:\n%s", code, mergeFinding, out)
	}
}

func TestHelp(t *testing.T) {
	bin := testbin.Maplint(t)
	out, _ := run(t, ".", bin, "help")
	for _, a := range maplint.Analyzers() {
		if !strings.Contains(out, a.Name) {
			t.Errorf("maplint help does not list %s:\n%s", a.Name, out)
		}
	}
	out, _ = run(t, ".", bin, "help", "nilmerge")
	if !strings.Contains(out, "nilmerge: ") || !strings.Contains(out, "nil") {
		t.Errorf("maplint help nilmerge does not print its doc:\n%s", out)
	}
}
