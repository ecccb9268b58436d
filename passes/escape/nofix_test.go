package escape_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/escape"
)

// TestFixOrReason checks that every finding over the testdata, of every
// family, offers a fix or says why none is safe ("; no fix: " and a
// reason). The wants of guarded, layout, generated and oldclone pin each
// reason's text.
func TestFixOrReason(t *testing.T) {
	n := 0
	for _, mod := range []string{"guardmod", "loopmod", "oldmod"} {
		dir := filepath.Join(analysistest.TestData(), mod)
		n += goldentest.FixOrReason(t, analysistest.Run(goldentest.Quiet{}, dir, escape.New(), "./..."))
	}
	if n == 0 {
		t.Error("no findings")
	}
}
