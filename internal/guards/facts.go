package guards

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/lockset"
)

// A SummaryFact is the lock summary of an exported function, so that its
// callers in other packages know the locks it takes or releases for them
// and the locks its own package holds when calling it. For
//
//	func (s *Store) Lock() { s.mu.Lock() }
//
// the fact is "acquires($0.mu)": $0 is the first parameter (the receiver),
// .mu the path to the mutex.
type SummaryFact struct {
	Summary lockset.Summary
}

func (*SummaryFact) AFact() {}

func (f *SummaryFact) String() string { return f.Summary.String() }

// importedSummary returns the summary of fn, a function of another package,
// from its fact. The lockset analysis asks during the run about every
// function called in the package, and asks again about the same functions
// when a pass visits a function's locks later: answers are kept, and
// after the run only read.
func (r *Result) importedSummary(fn *ssa.Function) *lockset.Summary {
	if s, ok := r.imported[fn]; ok || r.pass == nil {
		return s
	}
	s := r.importFact(fn)
	r.imported[fn] = s
	return s
}

func (r *Result) importFact(fn *ssa.Function) *lockset.Summary {
	obj, ok := apis.Origin(fn).Object().(*types.Func)
	if !ok {
		return nil
	}
	var f SummaryFact
	if !r.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	return &f.Summary
}

func (r *Result) exportFacts(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() {
			continue
		}
		if sum := r.Locks.Summary(fn); !sum.IsEmpty() {
			r.pass.ExportObjectFact(obj, &SummaryFact{Summary: *sum})
		}
	}
}
