package concurrentwrite

import (
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// The WaitGroup rule. Of two goroutines of one spawner, one that signals
// a WaitGroup W when its work is done and one that waits on W before its
// own work are ordered: a call of W.Done synchronizes before the return of
// the W.Wait it unblocks (the Go memory model, in sync.WaitGroup's
// documentation), so what the first does before its Done happens before
// what the second does after its Wait. anacrolix/torrent v1.62.0
// tracker/server/server.go starts a goroutine that waits on
// pendingUpstreams and then ranges over peersToTrack, and one that writes
// peersToTrack for each upstream's answer and then calls Done.
//
// The waiter's accesses that count as after the Wait are those reached
// only from instructions of its own function that a Wait on W dominates;
// the signaller's that count as before the Done are those reached only
// from instructions of its function from which every path to a return
// passes a Done on W (or its defer), or that a defer of Done on W runs
// after (a defer W.Done() that dominates them). A goroutine started by W.Go
// (or an errgroup's Go) signals W (the group) at its end. A pair of
// accesses is ordered when the waiter's is after the Wait and the
// signaller's before the Done (and not made in a goroutine that the
// signaller starts), for one W named alike by both goroutines
// (mapid.Ref-equal in the spawner's frame). Copies spoil it: when the
// signaller is started in each round of a loop, the waiter must be started
// after that loop, once; the spawner signals only outside loops.

// A wgGroup is a WaitGroup on which a goroutine's function waits or
// signals, named in the spawner's frame, with the calls that do it.
type wgGroup struct {
	wg    mapid.Ref
	calls []ssa.Instruction // Wait calls; Done calls and defers
	// outside holds the accesses that the goroutine reaches from
	// instructions the rule does not order (computed on first use).
	outside map[*access]bool
}

// wgGroups returns the WaitGroups on which the function of the goroutine
// sp calls role (apis.Wait or apis.Done), one group per WaitGroup, named
// in the spawner's frame.
func wgGroups(sp *spawn, role apis.Role) []*wgGroup {
	return wgGroupsIn(sp.Fn, &env{bind: spawnBind(sp)}, role, false)
}

// wgGroupsIn is wgGroups for fn, its parameters bound by e; own keeps the
// WaitGroups of fn's own frame (fn being the spawner).
func wgGroupsIn(fn *ssa.Function, e *env, role apis.Role, own bool) []*wgGroup {
	out := []*wgGroup{} // not nil: computed
	add := func(instr ssa.Instruction, ref mapid.Ref, ok bool) {
		if !ok || ref.Path.VariableIndex() || !own && rootFn(ref.Root) == fn {
			return // a WaitGroup of the goroutine's own, or unknown
		}
		out = addToGroup(out, ref, instr)
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var cc *ssa.CallCommon
			switch c := instr.(type) {
			case *ssa.Call:
				cc = &c.Call
			case *ssa.Defer:
				if role != apis.Done {
					continue
				}
				cc = &c.Call
			default:
				continue
			}
			if r, ok := apis.Of(cc, role); ok {
				if recv := apis.Arg(cc, r.Arg); recv != nil {
					ref, ok := refIn(mapid.RefOf(recv), e)
					add(instr, ref, ok)
				}
			}
		}
	}
	return out
}

// goGroup returns the group that a goroutine started by W.Go or an
// errgroup's Go signals at its end, or nil.
func goGroup(sp *spawn) *wgGroup {
	c, ok := sp.Instr.(*ssa.Call)
	if !ok || sp.parent == nil {
		return nil
	}
	if _, ok := apis.Of(&c.Call, apis.Spawn); !ok {
		return nil
	}
	recv := apis.Arg(&c.Call, apis.Recv)
	if recv == nil {
		return nil
	}
	ref := mapid.RefOf(recv)
	if ref.Path.VariableIndex() {
		return nil
	}
	return &wgGroup{wg: ref, outside: map[*access]bool{}} // all of it
}

// inLoop reports whether sp starts a goroutine in each round of a loop
// (even one that waits for it before the next round: the Wait that waits
// for the signaller does not wait for the waiter).
func inLoop(sp *spawn) bool {
	return sp.Many || sp.Instr != nil && mayFollow(sp.Instr, sp.Instr)
}

// mayFollow reports whether to may run after from in their function.
func mayFollow(from, to ssa.Instruction) bool {
	fb, tb := from.Block(), to.Block()
	if fb == tb && goroutine.Index(from) < goroutine.Index(to) {
		return true
	}
	if fb == tb {
		return goroutine.InCycle(fb)
	}
	return goroutine.Reaches(fb, tb)
}

// rootFn returns the function whose value v is (nil for a global).
func rootFn(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent()
	case *ssa.FreeVar:
		return v.Parent()
	case ssa.Instruction:
		return v.Parent()
	}
	return nil
}

// spawnBind returns the values the spawn sp binds to its function's
// parameters (and to those of the function that made its closure).
func spawnBind(sp *spawn) map[*ssa.Parameter]ssa.Value {
	bind := make(map[*ssa.Parameter]ssa.Value)
	for p, v := range sp.Bind {
		bind[p] = v
	}
	for i, a := range sp.Args {
		if i < len(sp.Fn.Params) && a != nil {
			bind[sp.Fn.Params[i]] = a
		}
	}
	return bind
}

// wgOrder returns what orders the accesses of the goroutines a and b of
// one spawner by a WaitGroup: ordered(x, y) for x reached by a and y by b;
// nil when no WaitGroup is waited on by one and signalled by the other.
func (ck *checker) wgOrder(a, b *spawn) func(x, y *gaccess) bool {
	aw, bs := ck.waitSignal(a, b)
	bw, as := ck.waitSignal(b, a)
	if aw == nil && bw == nil {
		return nil
	}
	return func(x, y *gaccess) bool {
		return aw != nil && !aw.outside[x.access] && !bs.outside[y.access] && !y.spawned ||
			bw != nil && !bw.outside[y.access] && !as.outside[x.access] && !x.spawned
	}
}

// spawnerOrder returns what orders the accesses of the goroutine sp and
// those of its spawner after the spawn by a WaitGroup that sp waits on and
// the spawner signals: ordered(x, y) for x reached by sp and y by the
// spawner from its instruction y.top; nil when there is no such WaitGroup.
// (The spawner's own Wait is a hand-off, see after.)
func (ck *checker) spawnerOrder(sp *spawn) func(x, y *gaccess) bool {
	if inLoop(sp) {
		return nil // a round's Done may unblock an earlier round's waiter
	}
	if sp.waits == nil {
		sp.waits = wgGroups(sp, apis.Wait)
	}
	if len(sp.waits) == 0 {
		return nil
	}
	for _, gs := range wgGroupsIn(sp.parent, nil, apis.Done, true) {
		for _, gw := range sp.waits {
			if !gw.wg.Equal(gs.wg) {
				continue
			}
			ck.waitOutside(sp, gw)
			done := doneBefore(sp.parent, gs.calls)
			return func(x, y *gaccess) bool { return !gw.outside[x.access] && !y.spawned && y.top != nil && done(y.top) }
		}
	}
	return nil
}

// flip returns ord with its operands swapped (nil for nil).
func flip(ord func(x, y *gaccess) bool) func(x, y *gaccess) bool {
	if ord == nil {
		return nil
	}
	return func(x, y *gaccess) bool { return ord(y, x) }
}

// waitSignal returns the groups of one WaitGroup that w waits on and s
// signals, their outside sets computed; nil, nil when there is none.
func (ck *checker) waitSignal(w, s *spawn) (*wgGroup, *wgGroup) {
	if inLoop(s) && (inLoop(w) || mayFollow(w.Instr, s.Instr)) {
		// Rounds of both, or signallers started after the waiter: a
		// later round may write after the Wait that an earlier one
		// unblocked.
		return nil, nil
	}
	if w.waits == nil {
		w.waits = wgGroups(w, apis.Wait)
	}
	if s.dones == nil {
		s.dones = wgGroups(s, apis.Done)
		if g := goGroup(s); g != nil {
			s.dones = append(s.dones, g)
		}
	}
	for _, gw := range w.waits {
		for _, gs := range s.dones {
			if !gw.wg.Equal(gs.wg) {
				continue
			}
			ck.waitOutside(w, gw)
			if gs.outside == nil { // (a W.Go group's is empty)
				done := doneBefore(s.Fn, gs.calls)
				gs.outside = ck.reachKept(s, func(i ssa.Instruction) bool { return !done(i) })
			}
			return gw, gs
		}
	}
	return nil, nil
}

// waitOutside computes the outside set of the group g that the goroutine
// w waits on: what w reaches from instructions no Wait of g dominates.
func (ck *checker) waitOutside(w *spawn, g *wgGroup) {
	if g.outside == nil {
		g.outside = ck.reachKept(w, func(i ssa.Instruction) bool { return !waitedAt(g.calls, i) })
	}
}

// reachKept returns the accesses that the goroutine of sp reaches from
// the instructions of its function for which keep holds, through the
// whole summaries of their callees.
func (ck *checker) reachKept(sp *spawn, keep func(ssa.Instruction) bool) map[*access]bool {
	sums := ck.sums
	if sp.sums != nil {
		sums = sp.sums
	}
	sums.of(sp.Fn) // its callees' summaries are done
	root := &summary{seen: make(map[skey]bool)}
	sums.instantiate(root, sums.build(sp.Fn, keep), spawnBind(sp), sp.locked, false)
	out := make(map[*access]bool)
	for _, it := range root.items {
		if it.call == nil {
			out[it.a] = true
		}
	}
	return out
}

// waitedAt reports whether one of the Wait calls (or channel receives,
// see gate.go) waits dominates i; a deferred Wait waits at return.
func waitedAt(waits []ssa.Instruction, i ssa.Instruction) bool {
	for _, w := range waits {
		if _, ok := w.(*ssa.Defer); !ok && goroutine.Dominates(w, i) {
			return true
		}
	}
	return false
}

// doneBefore returns whether an instruction of fn runs before a Done of
// dones. It does when it is not itself a defer and a defer of Done
// dominates it (the deferred Done runs at return, after the defers
// registered later), and when a Done call or a defer of Done follows it on
// every path to a return: a path that never returns (a panic, a loop
// with no exit) never unblocks the Wait, which waits for this goroutine's
// Done. But where a Done call may already have run (a Done in a loop), a
// path that stays in a loop with no Done is not followed by one: the
// goroutine may go on writing after its last Done.
func doneBefore(fn *ssa.Function, dones []ssa.Instruction) func(ssa.Instruction) bool {
	isDone := make(map[ssa.Instruction]bool, len(dones))
	hasDone := make([]bool, len(fn.Blocks))
	var after []*ssa.BasicBlock // the successors of Done calls
	for _, d := range dones {
		isDone[d] = true
		hasDone[d.Block().Index] = true
		if _, ok := d.(*ssa.Call); ok {
			after = append(after, d.Block().Succs...)
		}
	}
	returnsFree := noDoneToReturn(fn, hasDone)
	loopFree := noDoneForever(fn, hasDone)
	afterDone := reachable(fn, after)
	return func(i ssa.Instruction) bool {
		for _, d := range dones {
			if _, ok := d.(*ssa.Defer); ok && d != i && goroutine.Dominates(d, i) {
				return true
			}
		}
		if _, ok := i.(*ssa.Defer); ok {
			return false
		}
		b, k := i.Block(), goroutine.Index(i)
		late := afterDone[b.Index]
		for j, x := range b.Instrs {
			if isDone[x] && j > k {
				return true
			}
			_, call := x.(*ssa.Call)
			late = late || isDone[x] && call && j < k
		}
		if returns(b) {
			return false
		}
		for _, s := range b.Succs {
			if returnsFree[s.Index] || late && loopFree[s.Index] {
				return false
			}
		}
		return true
	}
}

// noDoneToReturn returns, per block of fn, whether a path from its start
// returns without passing a block of hasDone.
func noDoneToReturn(fn *ssa.Function, hasDone []bool) []bool {
	bad := make([]bool, len(fn.Blocks))
	var work []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if returns(b) && !hasDone[b.Index] {
			bad[b.Index] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if !bad[p.Index] && !hasDone[p.Index] {
				bad[p.Index] = true
				work = append(work, p)
			}
		}
	}
	return bad
}

// noDoneForever returns, per block of fn, whether a path from its start
// avoids the blocks of hasDone without end or up to a return: the
// complement of the least fixpoint of "every path reaches a Done or a
// panic".
func noDoneForever(fn *ssa.Function, hasDone []bool) []bool {
	good := make([]bool, len(fn.Blocks))
	pending := make([]int, len(fn.Blocks)) // successors not yet good
	var work []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		pending[b.Index] = len(b.Succs)
		if hasDone[b.Index] || len(b.Succs) == 0 && !returns(b) {
			good[b.Index] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if pending[p.Index]--; !good[p.Index] && pending[p.Index] == 0 {
				good[p.Index] = true
				work = append(work, p)
			}
		}
	}
	for i := range good {
		good[i] = !good[i]
	}
	return good
}

// reachable returns, per block of fn, whether control can flow to it from
// one of the blocks from (included).
func reachable(fn *ssa.Function, from []*ssa.BasicBlock) []bool {
	seen := make([]bool, len(fn.Blocks))
	for len(from) > 0 {
		b := from[len(from)-1]
		from = from[:len(from)-1]
		if !seen[b.Index] {
			seen[b.Index] = true
			from = append(from, b.Succs...)
		}
	}
	return seen
}

// returns reports whether the block b ends in a return.
func returns(b *ssa.BasicBlock) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	return ok
}
