package nilmerge

import (
	"fmt"
	"go/types"
	"path/filepath"
	"strings"
)

// ReturnsNil is the fact exported for a function with a map result that it
// may return nil, by the rules of summarize: the nil does not depend on the
// function's inputs and is not paired with an error. For example
//
//	func Load() map[string]int {
//		var m map[string]int
//		if data, err := os.ReadFile("x"); err == nil {
//			m = parse(data)
//		}
//		return m // ReturnsNil: result 0 at load.go:16
//	}
//
// A caller in another package that writes into Load()'s result without a
// nil check is reported.
type ReturnsNil struct {
	Paths []NilReturn // in source order, at most one per result
}

// A NilReturn is one result that can be nil, and where.
type NilReturn struct {
	Result int    // index of the result
	At     string // file:line of the return (base name of the file)
}

// AFact marks ReturnsNil as a fact.
func (*ReturnsNil) AFact() {}

func (f *ReturnsNil) String() string {
	var parts []string
	for _, p := range f.Paths {
		parts = append(parts, fmt.Sprintf("%d@%s", p.Result, p.At))
	}
	return "returnsNil(" + strings.Join(parts, ",") + ")"
}

// exportFacts exports ReturnsNil for every function and method of the
// package that has a nil return.
func (a *checker) exportFacts() {
	for _, fn := range a.ssa.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != a.pass.Pkg || fn.Parent() != nil {
			continue
		}
		s := a.summarize(fn)
		if len(s.paths) == 0 {
			continue
		}
		f := &ReturnsNil{}
		for _, p := range s.paths {
			pos := a.pass.Fset.Position(p.pos)
			f.Paths = append(f.Paths, NilReturn{Result: p.result, At: fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)})
		}
		a.pass.ExportObjectFact(obj, f)
	}
}
