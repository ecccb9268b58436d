// Command countranges counts the range statements that visit a map in map
// order (the loops the iterorder pass judges), for the pass's precision
// report:
//
//	go run ./passes/iterorder/internal/countranges std
//	cd <module> && go run <maplint>/passes/iterorder/internal/countranges ./...
//
// In a corpus module, build it first and run it with the corpus script's
// environment (GOFLAGS=-mod=mod GOSUMDB=off GOTOOLCHAIN=local GOWORK=off),
// as maplint is run there.
//
// It loads the packages with their tests, as maplint does, and counts each
// loop once (a file in a package and in its test variant is one loop). It
// prints the total, the loops in test files, and the loops in code the
// pass analyses (non-test files and Example functions).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"os"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/passes/iterorder/internal/maploop"
)

func main() {
	flag.Parse()
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	seen := make(map[string]bool)
	var total, inTests, analysed [4]int
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			name := p.Fset.File(f.Pos()).Name()
			isTest := strings.HasSuffix(name, "_test.go")
			var fn string
			ast.Inspect(f, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok {
					fn = fd.Name.Name
				}
				rs, ok := n.(*ast.RangeStmt)
				if !ok {
					return true
				}
				l := maploop.Of(p.TypesInfo, rs)
				if l == nil {
					return true
				}
				key := p.Fset.Position(rs.Pos()).String()
				if seen[key] {
					return true
				}
				seen[key] = true
				total[l.Kind]++
				if isTest {
					inTests[l.Kind]++
				}
				if !isTest || strings.HasPrefix(fn, "Example") {
					analysed[l.Kind]++
				}
				return true
			})
		}
	}
	sum := func(a [4]int) int { return a[0] + a[1] + a[2] + a[3] }
	fmt.Printf("map loops: %d (range m: %d, maps.Keys: %d, maps.Values: %d, maps.All: %d)\n",
		sum(total), total[maploop.Native], total[maploop.Keys], total[maploop.Values], total[maploop.All])
	fmt.Printf("in test files: %d\n", sum(inTests))
	fmt.Printf("analysed (non-test files and Example functions): %d\n", sum(analysed))
}
