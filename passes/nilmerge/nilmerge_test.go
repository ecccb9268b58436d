package nilmerge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/passes/nilmerge"
)

// TestFindings checks the diagnostics and facts of every scenario; the
// scenarios with fixes are also checked against their golden files.
func TestFindings(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilmerge.Analyzer,
		"silent", "generics", "nilhelper", "nilcaller", "limitations", "nofix", "params")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilmerge.Analyzer,
		"writeforms", "sources", "generics", "buildtag", "putall", "generated")
}

func TestPutAllFlag(t *testing.T) {
	a := nilmerge.New()
	if err := a.Flags.Set("putall", "example.com/teamhelpers.Merge"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "putallflag")
}
