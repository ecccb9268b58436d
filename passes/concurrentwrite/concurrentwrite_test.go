package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/passes/concurrentwrite"
)

func TestSilent(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "lockedsilent")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), concurrentwrite.New(), "guardedstruct", "readlock", "unguardedread", "localfix")
}

func TestGoroutines(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "goroutines", "goroutinesilent", "httphandler", "handlertest", "objectrace", "testgoroutines", "reach", "grpcsvc/server")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "store", "crossuser")
}

func TestScenarios(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "generics", "buildtagged", "knownmiss")
}

// TestGenerated checks that a finding in a generated file comes without a
// fix (the golden file is the input unchanged).
func TestGenerated(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), concurrentwrite.New(), "generated")
}

func TestSkipTestsFlag(t *testing.T) {
	a := concurrentwrite.New()
	if err := a.Flags.Set("skiptests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "skiptests")
}

func TestCallerLocks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "callerlocks", "userlocks")
}

// TestRealBugs runs the pass on map races that public projects fixed.
func TestRealBugs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "realbugs")
}
