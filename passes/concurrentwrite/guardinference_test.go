package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestGuardInference runs the read check on maps whose guard is inferred
// from accesses some of which run under locks their callers hold on
// another object, each with a reported twin.
func TestGuardInference(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), withReads(t), "guardinference")
}
