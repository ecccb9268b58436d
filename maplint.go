// Package maplint is a static analyzer for unsafe use of Go maps: writes into
// nil maps, map writes racing across goroutines, results that depend on map
// iteration order, and maps that escape the lock that guards them.
//
// Each check is a go/analysis pass in passes/<name>; this package lists them.
// Run them with the maplint command (cmd/maplint), through go vet
// -vettool, go fix -fixtool, golangci-lint (gclplugin) or a gopls build that
// includes them (integration/gopls).
package maplint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/passes/concurrentwrite"
	"github.com/maplint/maplint/passes/escape"
	"github.com/maplint/maplint/passes/iterorder"
	"github.com/maplint/maplint/passes/nilmerge"
)

// Analyzers returns the maplint passes with their default configuration, in
// a fixed order. Each call returns the same analyzers.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		nilmerge.Analyzer,
		concurrentwrite.Analyzer,
		iterorder.Analyzer,
		escape.Analyzer,
	}
}

// New returns fresh instances of the maplint passes, each with its own
// configuration, in the order of Analyzers.
func New() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		nilmerge.New(),
		concurrentwrite.New(),
		iterorder.New(),
		escape.New(),
	}
}
