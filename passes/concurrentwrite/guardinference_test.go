package concurrentwrite_test

import (
	"testing"
)

// TestGuardInference runs the read check on maps whose guard is inferred
// from accesses some of which run under locks their callers hold on
// another object, each with a reported twin.
func TestGuardInference(t *testing.T) {
	run(t, withReads(t), "guardinference")
}
