package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/gatecheck"
	"github.com/maplint/maplint/passes/concurrentwrite"
)

// TestGate checks the pass's gate on every package of testdata and their
// dependencies: where it says the pass exports no facts, it exports none.
func TestGate(t *testing.T) {
	testdata := analysistest.TestData()
	skipped, withFacts := gatecheck.Run(t, testdata, concurrentwrite.Analyzer, gatecheck.Packages(t, testdata)...)
	t.Logf("gate skipped %d packages; facts on %d", skipped, withFacts)
	if skipped == 0 || withFacts == 0 {
		t.Errorf("the gate is not exercised: skipped %d packages, facts on %d", skipped, withFacts)
	}
}
