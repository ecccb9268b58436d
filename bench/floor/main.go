// Command floor is the cost below which no maplint driver can go: it runs
// one analyzer that only requires buildssa, under the same driver as the
// maplint command, so that bench/run can set maplint's time and memory
// against loading, type-checking and building SSA for the same packages.
// Its analyzer declares a fact type, as maplint's passes do, so that the
// driver analyses dependencies from source too.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/maplint/maplint/internal/driver"
)

// noFact is never exported; declaring it makes drivers treat the floor
// like a pass that exchanges facts across packages.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var floor = &analysis.Analyzer{
	Name:      "floor",
	Doc:       "floor: build SSA for every package and report nothing",
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { driver.Main(floor) }
