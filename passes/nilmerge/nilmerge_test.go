package nilmerge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/passes/nilmerge"
)

func TestWriteForms(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer, "writeforms")
}

func TestSources(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer, "sources")
}

func TestSilent(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer, "silent")
}
