package driver

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

type testFact struct{ N int }

func (*testFact) AFact() {}

// TestDecodedFactsPerAnalyzer checks that looking up one analyzer's facts
// about a package reads the package's types only when it has facts of
// that analyzer: a package whose facts are all another analyzer's costs
// the lookup no export data.
func TestDecodedFactsPerAnalyzer(t *testing.T) {
	with := &analysis.Analyzer{Name: "with", FactTypes: []analysis.Fact{new(testFact)}}
	without := &analysis.Analyzer{Name: "without", FactTypes: []analysis.Fact{new(testFact)}}
	g := &graph{o: &options{}}
	n := &node{
		pkg:   &packages.Package{ID: "example.com/p", PkgPath: "example.com/p", Name: "p"},
		facts: []factEntry{{Analyzer: "with", Type: 0}},
	}
	if facts := g.decodedFacts(n, without); len(facts) != 0 {
		t.Errorf("facts of %s: %v, want none", without.Name, facts)
	}
	if n.types != nil || n.typesErr != nil {
		t.Errorf("types read for an analyzer without facts (err %v)", n.typesErr)
	}
	// The node has no export data here: reading its types fails, which
	// shows that they were read.
	g.decodedFacts(n, with)
	if n.typesErr == nil {
		t.Errorf("types not read for an analyzer with facts")
	}
}
