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
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), concurrentwrite.New(), "guardedstruct", "readlock")
}

func TestGoroutines(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "goroutines", "goroutinesilent", "httphandler", "handlertest")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), concurrentwrite.New(), "store", "crossuser")
}
