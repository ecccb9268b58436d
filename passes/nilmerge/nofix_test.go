package nilmerge_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/goldentest"
	"github.com/maplint/maplint/passes/nilmerge"
)

// TestFixOrReason checks that every finding over the testdata, with every
// optional family on, offers a fix or says why none is safe ("; no fix: "
// and a reason). The wants of nofix, params, sources, generated and the
// golden scenarios pin each reason's text.
func TestFixOrReason(t *testing.T) {
	dir := analysistest.TestData()
	entries, err := os.ReadDir(filepath.Join(dir, "src"))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, e := range entries {
		if e.IsDir() && !strings.Contains(e.Name(), ".") { // example.com, github.com, gopkg.in: dependencies
			pkgs = append(pkgs, e.Name())
		}
	}
	all := nilmerge.New()
	for _, f := range []string{"deviant", "outer", "outerpath"} {
		if err := all.Flags.Set(f, "true"); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, a := range []*analysis.Analyzer{nilmerge.New(), all} {
		n += goldentest.FixOrReason(t, analysistest.Run(goldentest.Quiet{}, dir, a, pkgs...))
	}
	if n == 0 {
		t.Error("no findings")
	}
}
