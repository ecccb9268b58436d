package maplint_test

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint"
	"github.com/maplint/maplint/internal/directive"
)

func TestAnalyzersAreValid(t *testing.T) {
	as := maplint.Analyzers()
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.URL != "https://pkg.go.dev/github.com/maplint/maplint/passes/"+a.Name {
			t.Errorf("%s: URL %q does not point at its package doc", a.Name, a.URL)
		}
		if first, _, _ := strings.Cut(a.Doc, "\n"); first == "" || strings.HasSuffix(first, ".") || strings.ToLower(first[:1]) != first[:1] {
			t.Errorf("%s: summary %q is not a lowercase phrase without a final period", a.Name, first)
		}
	}
}

// TestDirectivesKnowEveryPass checks that the names a //maplint:ignore
// directive may use are exactly the suite's passes: internal/directive cannot
// import the suite, so it keeps its own list.
func TestDirectivesKnowEveryPass(t *testing.T) {
	var names []string
	for _, a := range maplint.Analyzers() {
		names = append(names, a.Name)
	}
	if got := directive.PassNames(); !slices.Equal(got, names) {
		t.Errorf("directive.PassNames() = %v, the suite's passes are %v: update internal/directive", got, names)
	}
}

// TestSafemapModule runs the tests of the nested safemap module, so that the
// one test command of the README covers it too.
func TestSafemapModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = "safemap"
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s in safemap: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestNewMatchesAnalyzers checks that New returns fresh instances of the same
// passes, in the same order, as Analyzers.
func TestNewMatchesAnalyzers(t *testing.T) {
	defaults, fresh := maplint.Analyzers(), maplint.New()
	if len(defaults) != len(fresh) {
		t.Fatalf("Analyzers() has %d passes, New() %d", len(defaults), len(fresh))
	}
	again := maplint.New()
	for i := range defaults {
		if defaults[i].Name != fresh[i].Name {
			t.Errorf("pass %d: Analyzers() has %s, New() %s", i, defaults[i].Name, fresh[i].Name)
		}
		if fresh[i] == defaults[i] || fresh[i] == again[i] {
			t.Errorf("%s: New() returned a shared instance, not a fresh one", fresh[i].Name)
		}
	}
}
