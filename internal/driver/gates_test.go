package driver

import (
	"bytes"
	"go/ast"
	"reflect"
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/factsonly"
)

// gated returns a pass that exports a fact on every function and requires
// a helper analyzer (standing for SSA) and a gate that returns gate.
func gated(gate *factsonly.Gate) *analysis.Analyzer {
	heavy := &analysis.Analyzer{
		Name:       "heavy",
		Doc:        "heavy: a helper the pass requires",
		Run:        func(*analysis.Pass) (any, error) { return new(int), nil },
		ResultType: reflect.TypeFor[*int](),
	}
	g := &analysis.Analyzer{
		Name:       "gate",
		Doc:        "gate: the pass's gate",
		Run:        func(*analysis.Pass) (any, error) { return gate, nil },
		ResultType: factsonly.GateType,
	}
	return &analysis.Analyzer{
		Name:      "calls",
		Doc:       "calls: exports a fact on every function",
		Requires:  []*analysis.Analyzer{g, heavy},
		FactTypes: []analysis.Fact{new(called)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.ResultOf[heavy] == nil {
				panic("no result of heavy")
			}
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], new(called))
					}
				}
			}
			return nil, nil
		},
	}
}

// TestGates checks that a gate skips, on a dependency, a pass that can
// export no facts there and what only it needs, and the requirements
// that a pass's facts do not need; a root runs everything.
func TestGates(t *testing.T) {
	t.Chdir("../../testdata/modules/merge")
	for _, tc := range []struct {
		gate *factsonly.Gate
		want []string
	}{
		{&factsonly.Gate{NoFacts: true, UnlessOwn: true}, []string{
			`(?m)^\S+: timing example.com/merge/lib dep-nofacts facts=0 total=\S+ parse=\S+ check=\S+ gate=\S+ export=\S+$`,
		}},
		{&factsonly.Gate{Needs: []*analysis.Analyzer{}}, []string{
			`(?m)^\S+: timing example.com/merge/lib dep-unused-facts facts=1 total=\S+ parse=\S+ check=\S+ gate=\S+ calls=\S+ export=\S+$`,
		}},
		{&factsonly.Gate{}, []string{
			`(?m)^\S+: timing example.com/merge/lib dep-unused-facts facts=1 total=\S+ parse=\S+ check=\S+ gate=\S+ heavy=\S+ calls=\S+ export=\S+$`,
		}},
	} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-nocache", "-debug=timing", "./app"}, []*analysis.Analyzer{gated(tc.gate)}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d, want 0:\n%s%s", code, &stdout, &stderr)
		}
		for _, want := range append(tc.want, `(?m)^\S+: timing example.com/merge/app root facts=1 total=\S+ parse=\S+ check=\S+ gate=\S+ heavy=\S+ calls=\S+$`) {
			if !regexp.MustCompile(want).Match(stderr.Bytes()) {
				t.Errorf("gate %+v: no line matches %s in:\n%s", tc.gate, want, &stderr)
			}
		}
	}
}
