package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
)

// TestGoldenTypeChecks type-checks the packages with their golden files (the
// fixed code) in place: a fix must leave code that compiles.
func TestGoldenTypeChecks(t *testing.T) {
	goldentest.TypeCheck(t, analysistest.TestData())
}
