package concurrentwrite

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// writtenBeforeStart reports whether the map of shared is written only
// before the concurrent phase that its unguarded readers belong to: every
// write is made only while a boolean field of the same object is false (the
// other branch never reaches it), the package never sets that field back to
// false, and some function sets it to true and then starts goroutines.
// grpc's Server is the model:
//
//	func (s *Server) register(...) {
//		s.mu.Lock(); defer s.mu.Unlock()
//		if s.serve { logger.Fatalf("RegisterService after Serve") }
//		s.services[name] = info
//	}
//	func (s *Server) Serve(lis net.Listener) error {
//		s.mu.Lock(); s.serve = true; s.mu.Unlock()
//		for { ...; go func() { s.handleRawConn(...) }() } // reads s.services unlocked
//	}
//
// Only readers that the package's API cannot call directly are then
// silent: GetServiceInfo may run during registration and stays reported.
func (ck *checker) writtenBeforeStart(shared []*access) bool {
	var flag *types.Var
	for _, a := range shared {
		if !a.Write {
			continue
		}
		f := ck.gate(a)
		if f == nil || (flag != nil && f != flag) {
			return false
		}
		flag = f
	}
	return flag != nil && ck.startFlag(flag)
}

// gate returns the boolean field of the object written by a whose being
// true keeps the write from running: a test of the field dominates the
// write, and from its true branch the write is not reached (that branch
// returns, panics or calls a function that never returns).
func (ck *checker) gate(a *access) *types.Var {
	wb := a.Instr.Block()
	for _, b := range a.fn.Blocks {
		if !b.Dominates(wb) || len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		i, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		f, base := boolField(i.Cond)
		if f == nil || !mapid.RefOf(base).Equal(a.base) {
			continue
		}
		if !ck.reachesAvoiding(b.Succs[0], wb, b) {
			return f
		}
	}
	return nil
}

// boolField returns the field and object of a load of a boolean field
// (s.serve), or nil.
func boolField(v ssa.Value) (*types.Var, ssa.Value) {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil, nil
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return nil, nil
	}
	f := mapid.FieldVar(fa)
	if f == nil {
		return nil, nil
	}
	if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil, nil
	}
	return f.Origin(), fa.X
}

// reachesAvoiding reports whether to is reachable from from without
// passing through avoid or a block that calls a function that never
// returns.
func (ck *checker) reachesAvoiding(from, to, avoid *ssa.BasicBlock) bool {
	cfgs, _ := ck.pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	return goroutine.ReachesAvoiding(from, to, func(b *ssa.BasicBlock) bool {
		return b == avoid || neverReturns(cfgs, b)
	})
}

func neverReturns(cfgs *ctrlflow.CFGs, b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if c, ok := instr.(*ssa.Call); ok && apis.NeverReturns(cfgs, &c.Call) {
			return true
		}
	}
	return false
}

// startFlag reports whether flag is a phase flag: the package stores only
// the constant true in it (outside objects being built), and some function
// stores it and then starts a goroutine.
func (ck *checker) startFlag(flag *types.Var) bool {
	starts := false
	for _, fn := range ck.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok || !sameField(fa, flag) {
					continue
				}
				if _, fresh := fa.X.(*ssa.Alloc); fresh {
					continue
				}
				c, ok := st.Val.(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.Bool || !constant.BoolVal(c.Value) {
					return false
				}
				if !starts && ck.spawnsAfter(fn, st) {
					starts = true
				}
			}
		}
	}
	return starts
}

// spawnsAfter reports whether fn starts a goroutine after instr.
func (ck *checker) spawnsAfter(fn *ssa.Function, instr ssa.Instruction) bool {
	for _, s := range ck.spawnsOf(fn) {
		if s.Instr != nil && s.Instr.Parent() == fn && goroutine.After(instr, s.Instr) {
			return true
		}
	}
	return false
}

// sameField reports whether fa selects the field f (its generic origin).
func sameField(fa *ssa.FieldAddr, f *types.Var) bool {
	v := mapid.FieldVar(fa)
	return v != nil && v.Origin() == f
}
