package driver

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/passes/concurrentwrite"
)

// cwLine is the first line of a concurrentwrite finding in the driver's
// text output, from the module's directory on.
var cwLine = regexp.MustCompile(`(?m)^\S*/phasejoin/(\S+?:\d+):\d+: (.*?) \(concurrentwrite\)$`)

// TestPhaseJoinedDependency checks concurrentwrite's PhaseFact of a worker
// goroutine on a package analysed only for its facts, as this driver
// analyses every dependency of the packages it reports on: the locks gate
// lets such a package export facts when it has a go statement and a send
// on a field (guards.LocksGate), and phaseFactsOnly computes the facts when
// a method starts a worker (mayJoin). In testdata/modules/phasejoin, lib's
// Tester is go-workflows' tester in small, and app calls OnActivity before
// Execute (SetUp) and after it (Late). app's findings must be the same
// whether lib is a dependency or a root, Late's call only, and lib itself
// is silent. Were the fact left out on the dependency, the first run would
// find nothing.
func TestPhaseJoinedDependency(t *testing.T) {
	t.Chdir("../../testdata/modules/phasejoin")
	const late = "app/app.go:16: Tester.OnActivity called after (*Tester).Execute started its goroutine on the same object"
	for _, patterns := range [][]string{{"./app"}, {"./app", "./lib"}} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"-nocache"}, patterns...)
		if code := run(args, []*analysis.Analyzer{concurrentwrite.New()}, &stdout, &stderr); code != 3 {
			t.Fatalf("maplint %v: exit %d, want 3 (findings):\n%s%s", args, code, &stdout, &stderr)
		}
		var got []string
		for _, m := range cwLine.FindAllStringSubmatch(stdout.String(), -1) {
			got = append(got, m[1]+": "+strings.SplitN(m[2], ":", 2)[0])
		}
		if want := []string{late}; !slices.Equal(got, want) {
			t.Errorf("maplint %v: findings\n\t%q\nwant\n\t%q", args, got, want)
		}
	}
}
