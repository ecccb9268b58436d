package iterorder_test

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/iterorder"
)

func TestSinks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "sinks")
}

func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strict(t), "strict", "strict/testutil")
}

// ignoreWants is an analysistest.Testing that drops the complaints about
// want comments, for a run whose expectations are checked by hand.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}

// strict returns an instance of the pass with -strict set.
func strict(t *testing.T) *analysis.Analyzer {
	a := iterorder.New()
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestContracts checks results whose consumers do not depend on their
// order (target groups, types the package sorts, errors, random output,
// header fields, worker pools, index listings), next to cases that must
// still be reported.
func TestContracts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "consumers/testrand", "consumers")
}

// prometheusOrderFree is the option Prometheus's maintainers would set: the
// discovery manager keys target groups by Source, the scrape pool keys
// targets by their labels, and the registry sorts what collectors send.
const prometheusOrderFree = "github.com/prometheus/prometheus/discovery/targetgroup.Group," +
	"github.com/prometheus/common/model.LabelSet," +
	"github.com/prometheus/client_golang/prometheus.Metric"

func orderFree(t *testing.T, list string) *analysis.Analyzer {
	a := iterorder.New()
	if err := a.Flags.Set("orderfree", list); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestOrderFreeOption checks that the types a project names as order-free
// are silent, and only then.
func TestOrderFreeOption(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), orderFree(t, prometheusOrderFree), "discovery", "collector")
}

// TestInternalAndTestSupport checks that exported functions of internal
// packages and fixtures of test helper packages are left alone.
func TestInternalAndTestSupport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "lib/internal/refs", "lib/testutil")
}

// TestRealBugs runs the pass on order bugs that public projects fixed, in
// their shape before the fix (the issues are named in the testdata).
func TestRealBugs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "realbugs")
}

// TestLookups checks returns under a condition that one element at most
// meets (silent) or several can (reported), through predicates too. A
// return on a match is a -strict sink, so the pass runs with -strict.
func TestLookups(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strict(t), "lookups/span", "lookups")
}

// TestLookupsDefault checks that, by default, a return on a match that
// several entries can meet is not reported.
func TestLookupsDefault(t *testing.T) {
	// The want comments are -strict's: not checked here (ignoreWants).
	for _, r := range analysistest.Run(ignoreWants{}, analysistest.TestData(), iterorder.New(), "lookups") {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: reported by default: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

// TestSortsAcrossPackages checks sorts made by functions of another
// package (SortFact), and that a function that does not sort is no sort.
func TestSortsAcrossPackages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "sorting/releaseutil", "sorting")
}

func TestSilent(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "silent")
}

func TestHelpers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "helpers")
}

func TestGenerics(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "generics")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "emitter", "crosspkg")
}

// A struct result whose field holds the list, and a list reached through
// an interface the consumer declares (OrderedResultFact).
func TestResultFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "reportlib", "reportuse")
}

// What an interface's own package shows of its methods' results is
// reported in the implementing packages (ShownResultFact).
func TestShownThroughInterface(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "shownapi", "shownimpl")
}

func TestForeignInterface(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "carrier")
}

// TestPrometheusDefaults checks that, without the option, Prometheus's
// types are judged like any other: the linter knows nothing of them.
func TestPrometheusDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "defaultdiscovery")
}

func TestBuildTags(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "buildtag")
}

func TestKnownMisses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "knownmiss")
}

func TestGeneratedFilesHaveNoFix(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), iterorder.New(), "generated") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("finding in a generated file has a fix: %s", d.Message)
			}
		}
	}
}

// TestFixes checks the fix on the Go 1.23 form (sortedfix, impure.go for
// map expressions the fix must not evaluate again), and the findings that
// have none, each with the note that says why (nofix).
func TestFixes(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "fixmod")
	analysistest.RunWithSuggestedFixes(t, dir, iterorder.New(), "./sortedfix")
	checkNotes(t, analysistest.Run(t, dir, iterorder.New(), "./nofix"))
}

// TestFixedCodeTypeChecks type-checks the golden files (the code after the
// fixes) together with the other files of their package.
func TestFixedCodeTypeChecks(t *testing.T) {
	goldentest.TypeCheck(t, filepath.Join(analysistest.TestData(), "fixmod"))
}

func TestFactGobRoundTrip(t *testing.T) {
	facts := []interface {
		analysis.Fact
		String() string
	}{
		&iterorder.SinkFact{Params: []iterorder.ParamSink{{Index: 1, What: "written to w"}, {Index: 2, What: "passed to Line, whose argument is written to w"}}},
		&iterorder.MatchFact{Sides: []uint8{1, 0, 2}, Interval: true},
		&iterorder.RandomFact{},
		&iterorder.SortFact{Param: -1},
		&iterorder.OrderedResultFact{Index: 1, Field: 3},
		&iterorder.ShownResultFact{Index: 0, Whole: false, Fields: []int{1, 4}},
	}
	for _, f := range facts {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 256 {
			t.Errorf("%T encodes to %d bytes, over the 256-byte budget", f, buf.Len())
		}
		var buf2 bytes.Buffer
		if err := gob.NewEncoder(&buf2).Encode(f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
			t.Errorf("%T encoding is not deterministic", f)
		}
		g := reflect.New(reflect.TypeOf(f).Elem()).Interface().(interface{ String() string })
		if err := gob.NewDecoder(&buf).Decode(g); err != nil {
			t.Fatal(err)
		}
		if g.String() != f.String() {
			t.Errorf("round trip: got %s, want %s", g.String(), f.String())
		}
	}
}

// TestRoundTrip checks maps written to a stream that the package reads
// back into the same map (silent), next to the twins that stay reported.
func TestRoundTrip(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "roundtrip")
}

// TestRoundTripItems checks round trips linked by the type of the items a
// writer lists and a reader puts into a map (silent), next to twins whose
// reader keeps a list or which nothing reads back; and that a test calling
// a function does not show its result.
func TestRoundTripItems(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "roundtripitems")
}

// TestRecursion checks a list returned through a function that retries by
// calling itself: its callers outside the recursion decide.
func TestRecursion(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "recursion")
}

// TestComparedInOrder checks that a test of the package comparing a
// result in order with a fixed list reports the loop that built it, in
// the package's test variant (which holds the tests), and nothing in the
// package alone: analysistest checks each variant against the same want
// comments, so they are checked here by hand.
func TestComparedInOrder(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "src", "testcompare")
	want := wantLines(t, filepath.Join(dir, "lib.go"))
	variants := 0
	for _, r := range analysistest.Run(ignoreWants{}, analysistest.TestData(), iterorder.New(), "testcompare") {
		inTest := false
		for _, f := range r.Pass.Files {
			inTest = inTest || strings.HasSuffix(r.Pass.Fset.File(f.Pos()).Name(), "_test.go")
		}
		got := map[int]bool{}
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			got[pos.Line] = true
			if filepath.Base(pos.Filename) != "lib.go" || !inTest || !want[pos.Line] {
				t.Errorf("%s: unexpected diagnostic (test variant: %v): %s", pos, inTest, d.Message)
			}
		}
		if inTest {
			variants++
			for line := range want {
				if !got[line] {
					t.Errorf("lib.go:%d: no diagnostic in the test variant", line)
				}
			}
		}
	}
	if variants != 1 {
		t.Errorf("%d test variants analysed, want 1", variants)
	}
}

// TestComparedInOrderExternal checks the same in an external test
// package, where the finding is at the test's call (OrderedResultFact).
func TestComparedInOrderExternal(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "testcompareext")
}

// wantLines returns the lines of file that hold a want comment.
func wantLines(t *testing.T, file string) map[int]bool {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "// want ") {
			lines[i+1] = true
		}
	}
	return lines
}

// TestHintedLimit checks prometheus's V1 index reader: a list passed
// through a function that returns it sorted on some path (the smallest
// values, SortedResultFact) hands no order to a test that compares it in
// order; through a limit that never sorts, it does.
func TestHintedLimit(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "hintedlimit/limits", "hintedlimit")
}

// TestProjection checks revive's config_test.go ruleNames: a helper that
// derives a new list from a list built in map order (each rule's name)
// and sorts it on every path before returning it hands no order to the
// test that compares its result, nor to a printer outside tests; helpers
// that do not sort, sort another slice, or sort on one path only do.
func TestProjection(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), iterorder.New(), "projection", "projection/use")
}

// TestPackageLevelLiterals checks sqlc's genCmd: the loops of function
// literals in package-level variable initializers get the path answers
// (a failure path, dead code) and the flows of the same loops in declared
// functions.
func TestPackageLevelLiterals(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), iterorder.New(), "pkglevel")
}

// TestOneEntry checks loops over a map parameter that every call passes
// as a literal of at most one entry (silent), and their twins.
func TestOneEntry(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "oneentry")
}

// TestTestHelper checks that a function given a test handle is test code
// (silent), and that a function without one, or with a handle-like
// interface of its own, is not.
// TestConstArgs checks that a call whose constant arguments take another
// return of the callee does not see the order of the one it skips.
func TestConstArgs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "constargs")
}

func TestTestHelper(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "testhelper")
}

// TestCompletion checks completion functions handed to cobra, whose shell
// scripts sort the candidates unless the directive carries
// ShellCompDirectiveKeepOrder (silent), next to twins that keep the order
// or are not only registered (reported).
func TestCompletion(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "completion")
}

// TestRecall34 runs the pass at its default settings on the order bugs
// gathered for stop 34's recall measure (issues named in the testdata),
// each beside its fix; the suggested fixes are checked against golden
// files.
func TestRecall34(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), iterorder.New(), "recall34")
}
