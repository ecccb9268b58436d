package concurrentwrite

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// iterFact returns the IterFact of fn, of this package or imported.
func (ck *checker) iterFact(obj *types.Func) *IterFact {
	if f := ck.iters.facts[obj]; f != nil {
		return f
	}
	var f IterFact
	if obj.Pkg() != ck.pass.Pkg && ck.pass.ImportObjectFact(obj, &f) {
		return &f
	}
	return nil
}

// calleeObjs returns the functions that the call c may run: its static
// callee (its origin, apis.StaticCallee), or the package's implementations of an interface
// method.
func (ck *checker) calleeObjs(c *ssa.CallCommon) []*types.Func {
	var fns []*ssa.Function
	if callee := apis.StaticCallee(c); callee != nil {
		fns = []*ssa.Function{callee}
	} else if c.IsInvoke() {
		for _, t := range ck.lp.DynTargets(c) {
			fns = append(fns, t.Fn)
		}
	}
	var out []*types.Func
	for _, fn := range fns {
		if obj, ok := apis.Origin(fn).Object().(*types.Func); ok {
			out = append(out, obj)
		}
	}
	return out
}

// recvOf returns the receiver of a method call, or nil.
func recvOf(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// A liveCall is a call of an iterator spawner with what it left open.
type liveCall struct {
	call *ssa.Call
	obj  *types.Func
	fact *IterFact
	recv mapid.Ref
}

// checkIterCalls reports, for each call of an iterator spawner, what runs
// on the same object while its channel is live (liveFrom): calls of the
// methods its IterFact lists, and, in the package, accesses to the maps
// its goroutine reaches.
//
//	for item := range c.Each() {
//		c.Add(item) // reported: the goroutine reads c.cache meanwhile
//	}
//	c.Add(x) // after the channel's close: silent
func (ck *checker) checkIterCalls(fns []*ssa.Function) {
	byFn := ck.byFn
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(*ssa.Call)
				if !ok || !ck.inFile(c.Pos()) || recvOf(&c.Call) == nil {
					continue
				}
				for _, obj := range ck.calleeObjs(&c.Call) {
					if f := ck.iterFact(obj); f != nil || len(ck.iters.accs[obj]) > 0 {
						lc := &liveCall{call: c, obj: obj, fact: f, recv: mapid.RefOf(recvOf(&c.Call))}
						ck.checkLive(lc, liveFrom(c), byFn[fn])
						break
					}
				}
			}
		}
	}
}

// checkLive reports what the instructions in live do to the object of lc.
func (ck *checker) checkLive(lc *liveCall, live []ssa.Instruction, accs []*access) {
	for _, instr := range live {
		c, ok := instr.(*ssa.Call)
		if !ok || c == lc.call || lc.fact == nil {
			continue
		}
		r := recvOf(&c.Call)
		if r == nil || !mapid.RefOf(r).Equal(lc.recv) {
			continue
		}
		if race := lc.fact.raceOf(ck.calleeObjs(&c.Call)); race != nil {
			ck.reportIter(c.Pos(), lc, race.Method[strings.LastIndexByte(race.Method, '.')+1:]+" called", race.Race, race.At)
		}
	}
	for _, a := range accs {
		if a.id.Kind != mapid.Field || !slices.Contains(live, a.Instr) {
			continue
		}
		for _, g := range ck.iters.accs[lc.obj] {
			if a.id != g.id || !lc.recv.Child(g.base.Path).Equal(a.base) {
				continue
			}
			aLocked := a.held.Len() > 0 || a.may.Len() > 0
			if (a.Write && !aLocked) || (g.Write && !g.locked) {
				pos := ck.pass.Fset.Position(g.Pos)
				ck.reportIter(a.Pos, lc, opNoun(a)+" of map "+ck.mapName(a), opNoun(g.access)+" of "+ck.mapName(g.access)+" in the goroutine", fmt.Sprintf("%s:%d", shortFile(pos.Filename), pos.Line))
				break
			}
		}
	}
}

// raceOf returns the race of the first function of objs that f lists.
func (f *IterFact) raceOf(objs []*types.Func) *IterRace {
	for _, obj := range objs {
		for i := range f.Races {
			if f.Races[i].Method == obj.FullName() {
				return &f.Races[i]
			}
		}
	}
	return nil
}

// reportIter reports what, done on the object of lc at pos while the
// channel of lc's iterator is live. It offers no fix: the only reorder that
// removes the race moves the call or access past the channel's close,
// which changes the program (a loop body that acts on each item would act
// once, after the walk; after an early break or a single receive, draining
// the channel first waits for the whole walk the caller meant to cut
// short), and the accesses race on a map of the spawner's package, where
// the lock that would order them belongs (which lock should guard a map is
// a design decision, as for a field with no guard).
func (ck *checker) reportIter(pos token.Pos, lc *liveCall, what, race, at string) {
	ck.add(analysis.Diagnostic{
		Pos:      pos,
		Category: CategoryGoroutine,
		Message: fmt.Sprintf("%s while the goroutine of %s may still run on the same object (its channel is not drained to its close here): %s (%s); no fix: moving it past the channel's close changes the program, and a lock belongs in package %s",
			what, lc.obj.Name(), race, at, lc.obj.Pkg().Name()),
		Related: []analysis.RelatedInformation{{Pos: lc.call.Pos(), Message: lc.obj.Name() + " called here"}},
	})
}

// liveFrom returns the instructions of c's function that may run after c
// while the channel c returns is live: every path from c, except past a
// receive from the channel that reports it closed (the false edge of a
// range over it, or of if v, ok := <-ch; ok). The goroutine closes the
// channel after its last access, and the close happens before that
// receive.
func liveFrom(c *ssa.Call) []ssa.Instruction {
	fn := c.Parent()
	closedEdge := func(b *ssa.BasicBlock, succ int) bool {
		if succ != 1 {
			return false
		}
		i, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			return false
		}
		ex, ok := i.Cond.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			return false
		}
		u, ok := ex.Tuple.(*ssa.UnOp)
		return ok && u.Op == token.ARROW && u.CommaOk && chanOf(u.X) == ssa.Value(c)
	}
	var out []ssa.Instruction
	cb := c.Block()
	out = append(out, cb.Instrs[slices.Index(cb.Instrs, ssa.Instruction(c))+1:]...)
	seen := make([]bool, len(fn.Blocks))
	var work []*ssa.BasicBlock
	push := func(b *ssa.BasicBlock) {
		for i, s := range b.Succs {
			if !closedEdge(b, i) {
				work = append(work, s)
			}
		}
	}
	push(cb)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b.Index] {
			continue
		}
		seen[b.Index] = true
		out = append(out, b.Instrs...)
		push(b)
	}
	return out
}

// chanOf strips the conversions of a channel value.
func chanOf(v ssa.Value) ssa.Value {
	for {
		c, ok := v.(*ssa.ChangeType)
		if !ok {
			return v
		}
		v = c.X
	}
}
