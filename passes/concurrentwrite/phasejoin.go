package concurrentwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// joined reports whether the goroutine of sp is a worker of the methods
// that start it: its last act is to hand its result over on a channel
// field of the package (nothing but deferred calls of other packages and
// the return follow the send), the spawner is an unexported method that
// the package only calls, and every call of it is in a method that calls
// it on its own receiver and may then receive from that channel field.
// cschleiden/go-workflows' tester is the model: Execute runs the workflow
// under test, whose scheduleActivity starts one goroutine per activity;
// each reads wt.mockedActivities, which OnActivity fills, and ends by
// sending its result on wt.callbacks, which Execute's loop receives until
// the workflow finishes. Execute's receive does not order a goroutine
// whose result is never received (a workflow may finish with an activity
// still running), so such a pairing is not silenced: it is decided where
// the object is used, as for an internal package (deferPhase), and a call
// of OnActivity after Execute on the same object is reported there.
func (ck *checker) joined(sp *spawn) bool {
	if sp.Fn == nil || sp.Kind != goroutine.Go {
		return false
	}
	return ck.joinedGo(sp.parent, sp.Fn)
}

// joinedGo is joined for a go statement of spawner that starts fn,
// computed once per pair.
func (ck *checker) joinedGo(spawner, fn *ssa.Function) bool {
	key := [2]*ssa.Function{spawner, fn}
	if j, ok := ck.joins[key]; ok {
		return j
	}
	chans := lastSends(fn, ck.pass.Pkg)
	j := len(chans) > 0 && ck.onlyJoinedCalls(apis.Origin(spawner), chans)
	if ck.joins == nil {
		ck.joins = make(map[[2]*ssa.Function]bool)
	}
	ck.joins[key] = j
	return j
}

// onlyJoinedCalls reports whether spawner is an unexported method that no
// interface of the package declares (so every call of it is static and in
// the package), is called at least once, and is used only in calls that
// joinsAfter accepts.
func (ck *checker) onlyJoinedCalls(spawner *ssa.Function, chans map[*types.Var]bool) bool {
	obj, ok := spawner.Object().(*types.Func)
	if !ok || obj.Exported() || ck.declaredByInterface(obj) {
		return false
	}
	calls := 0
	for _, fn := range ck.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					f, ok := (*op).(*ssa.Function)
					if !ok || !sameMethod(f, obj) {
						continue
					}
					c, ok := instr.(*ssa.Call)
					if !ok || c.Call.Value != *op || apis.Origin(f) != spawner || !joinsAfter(fn, c, chans) {
						return false // a method value, or not waited for
					}
					calls++
				}
			}
		}
	}
	return calls > 0
}

// sameMethod reports whether f is the method m, an instance of it or a
// wrapper of it (the bound method of a method value, the thunk of a
// method expression, whose calls are not calls of m).
func sameMethod(f *ssa.Function, m *types.Func) bool {
	o, ok := f.Object().(*types.Func)
	return ok && o.Origin() == m
}

// declaredByInterface reports whether an interface type of the package
// has the method m (an unexported method is named by the interfaces of
// its own package only): a call through it is dynamic, not seen as a use
// of m.
func (ck *checker) declaredByInterface(m *types.Func) bool {
	for _, tv := range ck.pass.TypesInfo.Types {
		it, ok := tv.Type.Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := 0; i < it.NumMethods(); i++ {
			if it.Method(i).Id() == m.Id() {
				return true
			}
		}
	}
	return false
}

// joinsAfter reports whether the method fn makes the call c on its own
// receiver and may receive from one of chans after it.
func joinsAfter(fn *ssa.Function, c *ssa.Call, chans map[*types.Var]bool) bool {
	if fn.Parent() != nil || len(fn.Params) == 0 || fn.Signature.Recv() == nil || len(c.Call.Args) == 0 ||
		!mapid.RefOf(c.Call.Args[0]).Equal(mapid.RefOf(fn.Params[0])) {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if receivesFrom(instr, chans) && goroutine.AfterBy(c, instr, func(ssa.Instruction) bool { return false }) {
				return true
			}
		}
	}
	return false
}

// receivesFrom reports whether instr receives from a channel field of chans.
func receivesFrom(instr ssa.Instruction, chans map[*types.Var]bool) bool {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		return instr.Op == token.ARROW && chans[mapid.LoadedField(instr.X)]
	case *ssa.Select:
		for _, st := range instr.States {
			if st.Dir == types.RecvOnly && chans[mapid.LoadedField(st.Chan)] {
				return true
			}
		}
	}
	return false
}

// lastSends returns the channel fields that fn sends on only as its last
// act (a receive may take any of the sends on a field): every instruction
// that may run after the send is a jump, a phi, the return, or the run of
// deferred calls whose callees are all functions of other packages than
// pkg (atomic.AddInt32), which cannot reach its maps.
func lastSends(fn *ssa.Function, pkg *types.Package) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			s, ok := instr.(*ssa.Send)
			if !ok {
				continue
			}
			f := mapid.LoadedField(s.Chan)
			if f == nil {
				continue
			}
			if last, seen := out[f]; !seen || last {
				out[f] = endsAfter(fn, b, i, pkg)
			}
		}
	}
	for f, last := range out {
		if !last {
			delete(out, f) // a receive may take an earlier send
		}
	}
	return out
}

// endsAfter reports whether nothing but the end of fn may run after the
// instruction at index i of block b (see lastSends).
func endsAfter(fn *ssa.Function, b *ssa.BasicBlock, i int, pkg *types.Package) bool {
	final := func(instr ssa.Instruction) bool {
		switch instr.(type) {
		case *ssa.Jump, *ssa.Phi, *ssa.Return, *ssa.DebugRef:
			return true
		case *ssa.RunDefers:
			return foreignDefers(fn, pkg)
		}
		return false
	}
	for _, instr := range b.Instrs[i+1:] {
		if !final(instr) {
			return false
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		if s == b {
			return false // the send may run again
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		for _, instr := range s.Instrs {
			if !final(instr) {
				return false
			}
		}
		work = append(work, s.Succs...)
	}
	return true
}

// foreignDefers reports whether every call fn defers has a static callee
// of another package than pkg.
func foreignDefers(fn *ssa.Function, pkg *types.Package) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue
			}
			callee := apis.StaticCallee(&d.Call)
			if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg == pkg {
				return false
			}
		}
	}
	return true
}

// mayJoin reports whether a go statement of a method of the package
// starts a worker (joinedGo): the test that keeps a package analysed for
// its facts only from running the goroutine checks for nothing.
func (ck *checker) mayJoin() bool {
	for _, fn := range ck.fns {
		if fn.Parent() != nil || fn.Signature.Recv() == nil {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				g, ok := instr.(*ssa.Go)
				if !ok {
					continue
				}
				if callee := apis.StaticCallee(&g.Call); callee != nil && ck.joinedGo(fn, callee) {
					return true
				}
			}
		}
	}
	return false
}
