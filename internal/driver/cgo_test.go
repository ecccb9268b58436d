package driver

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestCgoCanonicalTypes checks that the packages cgo's output imports have
// one canonical package per run. In testdata/cgotypes, packages b and c
// convert a pointer to an incomplete C type declared by package a into
// their own declaration of it, which type-checks only if all three see the
// same runtime/cgo.Incomplete; c also imports runtime/cgo itself. When the
// driver loaded runtime/cgo apart from the run's packages for cgo's output,
// both conversions failed ("cannot convert t.X (variable of type
// *a._Ctype_S) to type *_Ctype_struct_S"), as GOROOT's
// cmd/cgo/internal/test did.
func TestCgoCanonicalTypes(t *testing.T) {
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled")
	}
	t.Chdir("testdata/cgotypes")
	noop := &analysis.Analyzer{
		Name: "noop",
		Doc:  "noop: reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-nocache", "./..."}, []*analysis.Analyzer{noop}, &stdout, &stderr); code != 0 {
		t.Errorf("exit %d, want 0:\n%s%s", code, &stdout, &stderr)
	}
}
