package nilmerge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
)

// TestGoldenFilesTypeCheck type-checks every scenario as its fixes leave it,
// so that a fix that does not compile fails here.
func TestGoldenFilesTypeCheck(t *testing.T) {
	goldentest.TypeCheck(t, analysistest.TestData())
}
