package iterorder_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/iterorder"
)

func TestSinks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "sinks")
}

func TestStrict(t *testing.T) {
	a := iterorder.New()
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "strict", "strict/testutil")
}

// TestContracts checks results whose consumers do not depend on their
// order (target groups, types the package sorts, errors, random output,
// header fields, worker pools, index listings), next to cases that must
// still be reported.
func TestContracts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "discovery", "consumers")
}

// TestInternalAndTestSupport checks that exported functions of internal
// packages and fixtures of test helper packages are left alone.
func TestInternalAndTestSupport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "lib/internal/refs", "lib/testutil")
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

func TestForeignInterface(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "carrier")
}

func TestPrometheusCollector(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), iterorder.New(), "collector")
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

func TestFixes(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "fixmod")
	analysistest.RunWithSuggestedFixes(t, dir, iterorder.New(), "./sortedfix")
	for _, r := range analysistest.Run(t, dir, iterorder.New(), "./nofix", "./old") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: unexpected fix for %q", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
}

// TestFixedCodeTypeChecks type-checks the golden files (the code after the
// fixes) together with the other files of their package.
func TestFixedCodeTypeChecks(t *testing.T) {
	goldentest.TypeCheck(t, filepath.Join(analysistest.TestData(), "fixmod"))
}

func TestFactGobRoundTrip(t *testing.T) {
	f := &iterorder.SinkFact{Params: []iterorder.ParamSink{{Index: 1, What: "written to w"}, {Index: 2, What: "passed to Line, whose argument is written to w"}}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 256 {
		t.Errorf("fact encodes to %d bytes, over the 256-byte budget", buf.Len())
	}
	var buf2 bytes.Buffer
	if err := gob.NewEncoder(&buf2).Encode(f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("fact encoding is not deterministic")
	}
	var g iterorder.SinkFact
	if err := gob.NewDecoder(&buf).Decode(&g); err != nil {
		t.Fatal(err)
	}
	if g.String() != f.String() {
		t.Errorf("round trip: got %s, want %s", g.String(), f.String())
	}
}
