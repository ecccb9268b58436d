package concurrentwrite_test

import (
	"testing"

	"github.com/maplint/maplint/internal/gatecheck"
	"github.com/maplint/maplint/passes/concurrentwrite"
)

// TestGate checks the pass's gate on every package of testdata and their
// dependencies: where it says the pass exports no facts, it exports none.
func TestGate(t *testing.T) { gatecheck.Test(t, concurrentwrite.Analyzer) }
