package concurrentwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/lockset"
)

// A LockFact is the lock summary of an exported function: the locks it takes
// or releases for its caller, and the locks all its callers in its own
// package hold when calling it. For
//
//	func (s *Store) Lock()           { s.mu.Lock() }
//	func (s *Store) PutLocked(k string) { s.m[k] = 1 } // only called under s.mu
//
// the facts are "acquires($0.mu)" and "requires($0.mu)": $0 is the first
// parameter (the receiver), .mu the path to the mutex.
type LockFact struct {
	Summary lockset.Summary
}

func (*LockFact) AFact() {}

func (f *LockFact) String() string { return f.Summary.String() }

func (ck *checker) importedSummary(fn *ssa.Function) *lockset.Summary {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	if fn.Origin() != nil {
		obj = fn.Origin().Object().(*types.Func)
	}
	var f LockFact
	if !ck.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	return &f.Summary
}

func (ck *checker) exportFacts(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() {
			continue
		}
		sum := ck.lp.Summary(fn)
		if sum.IsEmpty() {
			continue
		}
		ck.pass.ExportObjectFact(obj, &LockFact{Summary: *sum})
	}
}

func (ck *checker) checkRequired(fns []*ssa.Function) {}
