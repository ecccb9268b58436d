package escape_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/escape"
)

func TestGuarded(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "guardmod")
	analysistest.RunWithSuggestedFixes(t, dir, escape.New(), "./guarded")
	analysistest.Run(t, dir, escape.New(), "./guardedsilent", "./realraces", "./knownmiss", "./generated")
}

// TestCloneBeforeGo121 checks that a guarded map returned in a Go 1.20
// module, where maps.Clone does not exist, gets no fix and says why.
func TestCloneBeforeGo121(t *testing.T) {
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "oldmod"), escape.New(), "./oldclone")
}

func TestLayout(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "guardmod")
	analysistest.Run(t, dir, escape.New(), "./layout", "./layoutsilent")
}

func TestLoopVar(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "loopmod")
	analysistest.RunWithSuggestedFixes(t, dir, escape.New(), "./loopaddr")
	analysistest.Run(t, dir, escape.New(), "./newloops")
}

// TestGoldenTypeChecks type-checks the packages with their golden files
// (the fixed code) in place: a fix must leave code that compiles.
func TestGoldenTypeChecks(t *testing.T) {
	goldentest.TypeCheck(t, filepath.Join(analysistest.TestData(), "guardmod"))
	goldentest.TypeCheck(t, filepath.Join(analysistest.TestData(), "loopmod"))
}
