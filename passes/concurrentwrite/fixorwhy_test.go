package concurrentwrite_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
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

// checkFixOrWhy fails for each diagnostic of results with no suggested fix
// whose message does not end with "; no fix: <reason>": the project's rule
// that a finding without a fix says why none is safe.
func checkFixOrWhy(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				continue
			}
			i := strings.LastIndex(d.Message, "; no fix: ")
			if i < 0 || strings.TrimSpace(d.Message[i+len("; no fix: "):]) == "" {
				t.Errorf("%s: finding with no fix and no reason: %s", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
}
