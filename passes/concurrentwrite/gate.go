package concurrentwrite

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// The start gate. A goroutine that receives from a channel before its
// accesses, where the only thing that unblocks the receive is the
// spawner's close of the channel, runs its accesses after what the
// spawner does before the close: the close of a channel synchronizes
// before a receive that returns because of it (the Go memory model).
// Benchmarks start their goroutines so (prometheus' tsdb
// BenchmarkIsolation: each goroutine waits on <-start, the spawner calls
// b.ResetTimer() and then close(start)). The spawner's accesses before
// the close are ordered before the goroutine's accesses after the receive
// (a receive dominates them in the goroutine's function), as for a
// WaitGroup's Done and Wait (waitdone.go). A close happens once, so
// goroutines started in a loop are ordered alike. The channel must be one
// the spawner makes and nothing sends on: a send could unblock the receive
// before the close.

// gateOrder returns what orders the accesses of the goroutine sp after
// those of its spawner by a start gate: ordered(x, y) for x reached by
// the goroutine and y by the spawner; nil when nothing does.
func (ck *checker) gateOrder(sp *spawn) func(x, y *gaccess) bool {
	if sp.parent == nil || sp.Fn == nil {
		return nil
	}
	recvs := chanOps(sp.Fn, &env{bind: spawnBind(sp)}, false)
	if len(recvs) == 0 {
		return nil
	}
	for _, gc := range chanOps(sp.parent, nil, true) {
		for _, gr := range recvs {
			if !gr.wg.Equal(gc.wg) {
				continue
			}
			ck.waitOutside(sp, gr)
			done := doneBefore(sp.parent, gc.calls)
			return func(x, y *gaccess) bool { return !gr.outside[x.access] && !y.spawned && y.top != nil && done(y.top) }
		}
	}
	return nil
}

// chanOps returns the gate channels that fn receives from (closes, with
// closes set), one group per channel, named in the spawner's frame
// through e: a channel the spawner makes and never sends on.
func chanOps(fn *ssa.Function, e *env, closes bool) []*wgGroup {
	var out []*wgGroup
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var ch ssa.Value
			switch x := instr.(type) {
			case *ssa.UnOp:
				if !closes && x.Op == token.ARROW {
					ch = x.X
				}
			case *ssa.Call:
				if bi, ok := x.Call.Value.(*ssa.Builtin); ok && closes && bi.Name() == "close" {
					ch = x.Call.Args[0]
				}
			}
			if ch == nil {
				continue
			}
			ref, ok := refIn(mapid.RefOf(ch), e)
			if !ok || !gateChan(ref) {
				continue
			}
			out = addToGroup(out, ref, instr)
		}
	}
	return out
}

// addToGroup adds instr to the group of gs that ref names, or to a new one.
func addToGroup(gs []*wgGroup, ref mapid.Ref, instr ssa.Instruction) []*wgGroup {
	for _, g := range gs {
		if g.wg.Equal(ref) {
			g.calls = append(g.calls, instr)
			return gs
		}
	}
	return append(gs, &wgGroup{wg: ref, calls: []ssa.Instruction{instr}})
}

// gateChan reports whether ref names a channel that the function makes
// and that is only received from and closed: the channel itself, or the
// variable holding it when closures capture it (go/ssa keeps it in a cell
// then, and each use loads it).
func gateChan(ref mapid.Ref) bool {
	if mk, ok := ref.Root.(*ssa.MakeChan); ok && ref.Path.IsEmpty() {
		return !sent(mk, false)
	}
	cell, ok := ref.Root.(*ssa.Alloc)
	if !ok || !ref.Path.Equal(mapid.PathOf(mapid.Deref())) {
		return false
	}
	mk, ok := mapid.SoleValue(cell).(*ssa.MakeChan)
	if !ok {
		return false
	}
	for _, r := range *mk.Referrers() {
		if st, ok := r.(*ssa.Store); !ok || st.Addr != cell {
			if _, dbg := r.(*ssa.DebugRef); !dbg {
				return false // the channel goes elsewhere than the cell
			}
		}
	}
	return !sent(cell, true)
}

// sent reports whether the channel v (the variable holding it, with
// cell) may be sent on: it, or a closure it is captured by, uses it
// otherwise than by a receive, a close or a capture (for a cell: a load
// then used so, or the one store).
func sent(v ssa.Value, cell bool) bool {
	var uses func(v ssa.Value, cell bool, depth int) bool
	uses = func(v ssa.Value, cell bool, depth int) bool {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if !cell || r.Addr != v {
					return true
				}
			case *ssa.UnOp:
				if cell && r.Op == token.MUL {
					if uses(r, false, depth) {
						return true
					}
				} else if cell || r.Op != token.ARROW {
					return true
				}
			case *ssa.Call:
				bi, ok := r.Call.Value.(*ssa.Builtin)
				if !ok || bi.Name() != "close" {
					return true
				}
			case *ssa.MakeClosure:
				fn := r.Fn.(*ssa.Function)
				for i, b := range r.Bindings {
					if b == v && (depth > 2 || uses(fn.FreeVars[i], cell, depth+1)) {
						return true
					}
				}
			case *ssa.DebugRef:
			default:
				return true
			}
		}
		return false
	}
	return uses(v, cell, 0)
}

// either returns an order that holds when a or b does (nil for none).
func either(a, b func(x, y *gaccess) bool) func(x, y *gaccess) bool {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return func(x, y *gaccess) bool { return a(x, y) || b(x, y) }
}
