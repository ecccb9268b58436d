package nilmerge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/passes/nilmerge"
)

// TestFindings checks the diagnostics and facts of every scenario; the
// scenarios with fixes are also checked against their golden files.
func TestFindings(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer,
		"silent", "generics", "nilhelper", "nilcaller", "limitations", "nofix", "params", "deliberate", "bitguard")
}

// TestIssue11 checks the nil sources of issue 11, each beside a silent twin.
func TestIssue11(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer, "results", "literals", "decoders", "realbugs")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilmerge.Analyzer, "niltest", "clone", "constructors", "returned", "nested")
}

// TestAPIServer checks the maps of objects read from a Kubernetes API
// server, and the nil that crosses a helper's parameter
// (FoundationDB/fdb-kubernetes-operator#2226).
func TestAPIServer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilmerge.Analyzer, "apiserver")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilmerge.Analyzer,
		"writeforms", "sources", "generics", "buildtag", "putall", "generated")
}

func TestPutAllFlag(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("putall", "example.com/teamhelpers.Merge"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "putallflag")
}

// TestNoFix checks that writes through a value receiver's field or a
// parameter are reported without a fix (the map a fix made would be
// assigned to a copy that the caller never sees), and so are writes into a
// map whose type cannot be written in the file.
func TestNoFix(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer, "nofix", "params") {
		if len(r.Diagnostics) == 0 {
			t.Errorf("%s: no diagnostics", r.Pass.Pkg.Path())
		}
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: %q has a fix", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
}

// TestDeviant checks the inference of nilable fields, which is off by
// default.
func TestDeviant(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("deviant", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "deviant")
}

// TestNoReturnOption checks that a method named in -noreturn ends its path,
// by identity.
func TestNoReturnOption(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("noreturn", "noreturnopt.Logger.Fatalf"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "noreturnopt")
}

// TestOuter checks the outer maps held in fields and package variables,
// which are off by default.
func TestOuter(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("outer", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "outer")
}

// TestOuterPath checks the path-based inner maps of a field or package map
// of maps, which are off by default.
func TestOuterPath(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("outerpath", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "outerpath")
}

// TestRecall34 runs the pass at its default settings on the nil-map panics
// gathered for stop 34's recall measure (issues named in the testdata),
// each beside its fix; the suggested fixes are checked against golden
// files.
func TestRecall34(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilmerge.Analyzer, "recall34")
}
