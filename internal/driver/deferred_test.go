package driver

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/passes/iterorder"
)

// findingLine is the first line of a finding in the driver's text output.
var findingLine = regexp.MustCompile(`(?m)^(\S+?):(\d+):(\d+): (.*) \(iterorder\)$`)

// findings runs iterorder on patterns in the current module, without the
// cache, and returns its findings as file:line:col: message, with file
// relative to the module.
func findings(t *testing.T, patterns ...string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"-nocache"}, patterns...)
	if code := run(args, []*analysis.Analyzer{iterorder.New()}, &stdout, &stderr); code != 3 {
		t.Fatalf("maplint %v: exit %d, want 3 (findings):\n%s%s", args, code, &stdout, &stderr)
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range findingLine.FindAllStringSubmatch(stdout.String(), -1) {
		rel, err := filepath.Rel(dir, m[1])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(rel)+":"+m[2]+":"+m[3]+": "+m[4])
	}
	return out
}

// TestDeferredSinkFacts checks iterorder on a package analysed only for
// its facts, as this driver analyses every dependency of the packages it
// reports on (factsonly.Result{FactsOnly: true}): there, the SinkFact of
// a function whose name is not exported is computed only when a scan of
// the package reads it (passes/iterorder/facts.go, computeDeferred).
// analysistest analyses every package as a root, so only a driver run
// reaches that path.
//
// In testdata/modules/deferred, lib's Keys returns a list in map order
// that lib's Dump hands to writeAll, unexported, which prints it: whether
// Keys's order is shown in lib, and so whether Keys hands it on to its
// importers (OrderedResultFact), depends on writeAll's SinkFact, which
// on a dependency is computed late, when the scan of Dump reads it. app
// prints the results of Keys and of Names (whose order nothing in lib
// shows). app's findings must be the same whether lib is a dependency
// or a root: Names's print only. Were writeAll's fact left out on the
// dependency, Keys would hand its order on and app's print of it would
// be reported too.
func TestDeferredSinkFacts(t *testing.T) {
	t.Chdir("../../testdata/modules/deferred")
	const names = "app/app.go:15:14: result depends on map iteration order: the result of lib.Names, built in map order and returned unsorted, is printed by fmt.Println unsorted; no fix: lib.Names returns the list in map order; sort it in package lib, for all its callers"
	const keys = "lib/lib.go:16:2: result depends on map iteration order: keys appended to out, which is returned unsorted"

	asDep := findings(t, "./app")
	if want := []string{names}; !slices.Equal(asDep, want) {
		t.Errorf("lib as a dependency: findings\n\t%q\nwant\n\t%q", asDep, want)
	}
	asRoot := findings(t, "./app", "./lib")
	if want := []string{names, keys}; !slices.Equal(asRoot, want) {
		t.Errorf("lib as a root: findings\n\t%q\nwant\n\t%q", asRoot, want)
	}
}
