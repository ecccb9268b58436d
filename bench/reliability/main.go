// Command reliability runs maplint on packages and fails if it crashes,
// reports an analysis error, varies between runs, or suggests a fix that
// breaks the build:
//
//	go run ./bench/reliability std          # in CI, with cmd
//	go run ./bench/reliability -C DIR ./... # a corpus module (bench/run --reliability)
//
// It runs `maplint -json PATTERNS` twice in DIR, each time with an empty
// maplint cache, then once more on the warm cache, and compares the outputs
// byte for byte; then applies every suggested fix (the first fix of each
// finding together, as maplint -fix does; alternatives and fixes that
// overlap an earlier one alone) as a go command overlay and runs go build
// and go vet on the packages they touch. An overlay needs no copy of the
// tree, so GOROOT/src is checked in place and untouched. A build or vet
// error counts only if the same command without the overlay does not
// print it. When the fixes together break the build, each fix is tried
// alone to name the culprits.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint"
	"github.com/maplint/maplint/internal/reliability"
)

type config struct {
	binary     string
	dir        string
	runs       int
	timeout    time.Duration
	maxSingles int
	loadErrors bool
	gocache    string
	flags      []string
	patterns   []string
}

func main() {
	var c config
	flag.StringVar(&c.binary, "binary", "", "maplint binary to check (default: build ./cmd/maplint from the current directory)")
	flag.StringVar(&c.dir, "C", "", "directory to run in (default: $GOROOT/src when the patterns are std or cmd, else .)")
	flag.IntVar(&c.runs, "runs", 2, "runs, each with an empty cache, whose -json output must be identical (plus one on a warm cache)")
	flag.DurationVar(&c.timeout, "timeout", 20*time.Minute, "limit for each maplint run")
	flag.IntVar(&c.maxSingles, "singles", 40, "most fixes to check one by one")
	flag.BoolVar(&c.loadErrors, "allow-load-errors", false, "accept packages that fail to load or type-check (a corpus module at an old version); they are listed, not counted as failures")
	extra := flag.String("flags", "", "extra maplint flags, space-separated")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: reliability [flags] PATTERN...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	c.flags = strings.Fields(*extra)
	c.patterns = flag.Args()
	if len(c.patterns) == 0 {
		flag.Usage()
		os.Exit(2)
	}
	failures, err := run(&c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		os.Exit(1)
	}
	if failures > 0 {
		fmt.Printf("FAIL: %d problems\n", failures)
		os.Exit(1)
	}
	fmt.Println("PASS")
}

func run(c *config) (int, error) {
	tmp, err := os.MkdirTemp("", "maplint-reliability")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	if err := prepare(c, tmp); err != nil {
		return 0, err
	}
	t := new(tally)
	out, err := checkRuns(c, tmp, t)
	if err != nil || out == nil {
		return t.failures, err
	}
	err = checkFixes(c, tmp, out, t)
	return t.failures, err
}

// A tally counts and prints the failures of a run.
type tally struct{ failures int }

func (t *tally) fail(format string, args ...any) {
	t.failures++
	fmt.Printf("FAIL "+format+"\n", args...)
}

// prepare builds maplint when no binary is given and fills in the go
// command's build cache and the directory to run in.
func prepare(c *config, tmp string) error {
	if c.binary == "" {
		c.binary = filepath.Join(tmp, "maplint")
		if out, err := exec.Command("go", "build", "-o", c.binary, "./cmd/maplint").CombinedOutput(); err != nil {
			return fmt.Errorf("building maplint: %v\n%s", err, out)
		}
	}
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return err
	}
	c.gocache = strings.TrimSpace(string(gocache))
	if c.dir == "" {
		c.dir = "."
		if slices.Contains(c.patterns, "std") || slices.Contains(c.patterns, "cmd") {
			goroot, err := exec.Command("go", "env", "GOROOT").Output()
			if err != nil {
				return err
			}
			c.dir = filepath.Join(strings.TrimSpace(string(goroot)), "src")
		}
	}
	return nil
}

// checkRuns runs maplint c.runs times on empty caches and once more on a
// warm one: no crash, no analysis error, identical output. It returns the
// first run's output, or nil when a failure stops the check.
func checkRuns(c *config, tmp string, t *tally) (*reliability.Output, error) {
	args := append(append([]string{"-json"}, c.flags...), c.patterns...)
	var first, lastStderr []byte
	var out *reliability.Output
	// Each run gets an empty cache of its own (maplint's cache lives under
	// the user cache directory), so that identical output means identical
	// analysis, not a cache hit; the last run is repeated on a warm cache,
	// whose output must match too.
	for i := range c.runs + 1 {
		cache := filepath.Join(tmp, fmt.Sprintf("cache%d", min(i, c.runs-1)))
		res, err := runMaplint(c, args, cache)
		if err != nil {
			return nil, err
		}
		what := "empty cache"
		if i == c.runs {
			what = "warm cache"
		}
		fmt.Printf("run %d (%s): maplint %s: %.1f s, peak RSS %d MB, exit %d\n", i+1, what, strings.Join(args, " "), res.wall.Seconds(), res.rssMB, res.code)
		if res.timedOut {
			t.fail("run %d timed out after %v", i+1, c.timeout)
			return nil, nil
		}
		if trace, ok := reliability.Crashed(res.stderr); ok {
			t.fail("run %d crashed:\n%s", i+1, trace)
			return nil, nil
		}
		if i == 0 {
			lastStderr = res.stderr
			first = res.stdout
			out, err = reliability.ParseJSON(res.stdout)
			if err != nil {
				t.fail("%v", err)
				return nil, nil
			}
			if res.code != 0 && res.code != 3 {
				msg := strings.TrimSpace(lastLines(res.stderr, 20))
				if c.loadErrors {
					fmt.Printf("note: exit %d (packages that do not load or type-check):\n%s\n", res.code, msg)
				} else {
					t.fail("exit %d:\n%s", res.code, msg)
				}
			}
			continue
		}
		if !bytes.Equal(first, res.stdout) {
			t.fail("run %d output differs from run 1: %s", i+1, firstDifference(first, res.stdout))
		}
	}
	perPass := make(map[string]int)
	for _, d := range out.Diagnostics {
		perPass[d.Analyzer]++
	}
	fmt.Printf("findings (package variants counted apart): %v\n", perPass)
	// The maplint command prints an analyzer's error as "pkg: pass: error"
	// on stderr (x/tools' multichecker put it in the -json output).
	out.Errors = append(out.Errors, analysisErrors(lastStderr)...)
	for _, e := range out.Errors {
		if c.loadErrors && loadError(e.Err) {
			fmt.Printf("note: %s\n", e)
			continue
		}
		t.fail("analysis error: %s", e)
	}
	return out, nil
}

// checkFixes applies every fix and checks that the code still builds and
// vets: all fixes together, then one by one the fixes that overlap, the
// alternatives, and every fix when the fixes together break the build.
func checkFixes(c *config, tmp string, out *reliability.Output, t *tally) error {
	primary, alternatives := reliability.Fixes(out.Diagnostics)
	files, skipped, err := reliability.Apply(primary, os.ReadFile)
	if err != nil {
		t.fail("applying fixes: %v", err)
		return nil
	}
	fmt.Printf("fixes: %d applied together to %d files, %d overlapping an earlier one, %d alternatives\n",
		len(primary)-len(skipped), len(files), len(skipped), len(alternatives))
	if len(files) == 0 {
		return nil
	}
	var pkgs []string
	for _, af := range primary {
		if af.Package != "" && !slices.Contains(pkgs, af.Package) {
			pkgs = append(pkgs, af.Package)
		}
	}
	slices.Sort(pkgs)
	broken, err := checkFixed(c, tmp, files, pkgs)
	if err != nil {
		return err
	}
	singles := append(append([]reliability.AppliedFix(nil), skipped...), alternatives...)
	if broken != "" {
		fmt.Printf("the fixes together break the build of %d packages:\n%s\ntrying each fix alone\n", len(pkgs), broken)
		singles = append(primary, singles...)
	}
	if len(singles) > c.maxSingles {
		fmt.Printf("note: checking %d of %d fixes one by one (-singles)\n", c.maxSingles, len(singles))
		singles = singles[:c.maxSingles]
	}
	culprits := 0
	for _, af := range singles {
		if af.Package == "" {
			continue // a generated test main: nothing of the user's to build
		}
		files, _, err := reliability.Apply([]reliability.AppliedFix{af}, os.ReadFile)
		if err != nil {
			t.fail("applying fix %q at %s: %v", af.Fix.Message, af.Diag.Posn, err)
			continue
		}
		msg, err := checkFixed(c, tmp, files, []string{af.Package})
		if err != nil {
			return err
		}
		if msg != "" {
			culprits++
			t.fail("fix %q for %s: %s (%s) breaks %s:\n%s", af.Fix.Message, af.Diag.Posn, af.Diag.Message, af.Diag.Analyzer, af.Package, msg)
		}
	}
	if broken != "" && culprits == 0 {
		t.fail("the fixes break the build together, though each builds alone:\n%s", broken)
	}
	return nil
}

type result struct {
	stdout, stderr []byte
	code           int
	wall           time.Duration
	rssMB          int64
	timedOut       bool
}

func runMaplint(c *config, args []string, cache string) (*result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.binary, args...)
	cmd.Dir = c.dir
	// XDG_CACHE_HOME moves the go command's build cache too: keep that one.
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "GOCACHE="+c.gocache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	t0 := time.Now()
	err := cmd.Run()
	res := &result{stdout: stdout.Bytes(), stderr: stderr.Bytes(), wall: time.Since(t0)}
	if ctx.Err() != nil {
		res.timedOut = true
		return res, nil
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, err
	}
	res.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.rssMB = int64(ru.Maxrss) / 1024
	}
	return res, nil
}

// checkFixed runs go build and go vet on pkgs with the fixed files as an
// overlay and returns the errors that the same commands without the overlay
// do not print ("" when there are none).
func checkFixed(c *config, tmp string, files map[string][]byte, pkgs []string) (string, error) {
	dir, err := os.MkdirTemp(tmp, "overlay")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	overlay, err := reliability.WriteOverlay(dir, files)
	if err != nil {
		return "", err
	}
	var report strings.Builder
	for _, verb := range []string{"build", "vet"} {
		args := append([]string{verb, "-overlay=" + overlay}, pkgs...)
		cmd := exec.Command("go", args...)
		cmd.Dir = c.dir
		out, err := cmd.CombinedOutput()
		if err == nil {
			continue
		}
		// Errors the code had before the fixes are not the fixes' fault.
		cmd = exec.Command("go", append([]string{verb}, pkgs...)...)
		cmd.Dir = c.dir
		before, _ := cmd.CombinedOutput()
		// They are compared without their positions: a fix moves the
		// lines below it, and the overlay copy has a name of its own.
		old := make(map[string]int)
		for _, l := range strings.Split(string(before), "\n") {
			old[position.ReplaceAllString(l, "")]++
		}
		for _, l := range strings.Split(string(out), "\n") {
			key := position.ReplaceAllString(l, "")
			if l == "" || strings.HasPrefix(l, "# ") {
				continue
			}
			if old[key] > 0 {
				old[key]--
				continue
			}
			fmt.Fprintf(&report, "  go %s: %s\n", verb, l)
		}
	}
	return report.String(), nil
}

// position is the file:line:col: that starts a compiler or vet message.
var position = regexp.MustCompile(`^(vet: )?\S+?:\d+(:\d+)?: `)

// analysisErrors returns the lines of stderr that report an analyzer's
// error, "pkg: name: error" or "pkg [pkg.test]: name: error", for maplint's
// analyzers and the ones they require.
func analysisErrors(stderr []byte) []reliability.AnalysisError {
	names := make(map[string]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		names[a.Name] = true
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range maplint.Analyzers() {
		visit(a)
	}
	var out []reliability.AnalysisError
	for _, l := range strings.Split(string(stderr), "\n") {
		m := errorLine.FindStringSubmatch(l)
		if m != nil && names[m[2]] {
			out = append(out, reliability.AnalysisError{Package: m[1], Analyzer: m[2], Err: m[3]})
		}
	}
	return out
}

var errorLine = regexp.MustCompile(`^(\S+(?: \[\S+\])?): ([a-z0-9_]+): (.*)$`)

// loadError reports whether an analysis error only says that the package
// did not load or type-check (and so was not analysed).
func loadError(msg string) bool {
	return strings.Contains(msg, "analysis skipped due to errors in package") ||
		strings.Contains(msg, "failed prerequisites")
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("[%d lines before]", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  run 1: %.300s\n  now:   %.300s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}
