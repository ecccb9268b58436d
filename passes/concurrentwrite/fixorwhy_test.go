package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
)

// run is analysistest.Run over the packages of testdata, and checks that
// every diagnostic offers a fix or says why none is safe.
func run(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	checkFixOrWhy(t, analysistest.Run(t, analysistest.TestData(), a, pkgs...))
}

// runFixes is run with the fixes checked against the golden files.
func runFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	checkFixOrWhy(t, analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, pkgs...))
}

// checkFixOrWhy fails for each diagnostic of results that neither offers
// a fix nor ends its message with "; no fix: <reason>", or does both: the
// project's rule that a finding without a fix says why none is safe
// (goldentest.FixOrReason).
func checkFixOrWhy(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	goldentest.FixOrReason(t, results)
}
