package concurrentwrite

import (
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
)

// setUpBefore returns the predicate "instruction i of m runs before the
// spawn of its own object" for a method m that calls spawner, a method
// that starts a goroutine, on m's receiver: i is reached by no such call,
// and every path from i to a successful return of m goes through one
// (protoactor-go's StartMember fills p.members, then calls
// p.startWatching(), whose goroutine alone uses the map from then on).
// The spawner is taken to run at most once per object, as checkObjects
// takes it (it pairs no method with the spawner itself), so such an
// access precedes the one spawn. A return of a non-nil error is no
// success (a failed start spawns nothing, and a retry still comes before
// the spawn), nor is a panic or a call that never returns. A path that
// returns successfully without the call (a start that runs only when a
// flag is unset: a second call skips it and goes on after the spawn), or
// that never ends without it, keeps i paired. It returns nil when m makes
// no such call.
func (ck *checker) setUpBefore(m, spawner *ssa.Function) func(ssa.Instruction) bool {
	if guards.RecvNamed(spawner) == nil || len(m.Params) == 0 {
		return nil
	}
	isSpawn := func(in ssa.Instruction) bool {
		c, ok := in.(*ssa.Call)
		return ok && apis.StaticCallee(&c.Call) == spawner && len(c.Call.Args) > 0 && c.Call.Args[0] == m.Params[0]
	}
	var after []*ssa.BasicBlock // the successors of the spawner's calls
	calls := false
	for _, b := range m.Blocks {
		for _, in := range b.Instrs {
			if isSpawn(in) {
				calls = true
				after = append(after, b.Succs...)
				break
			}
		}
	}
	if !calls {
		return nil
	}
	cfgs, _ := ck.pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	// ends tells how a block's instructions from k on end the path: 1
	// at a call of the spawner, a failure or a call that never returns,
	// 2 at a successful return, 0 when they fall through to the
	// successors.
	ends := func(b *ssa.BasicBlock, k int) int {
		for _, in := range b.Instrs[k:] {
			switch in := in.(type) {
			case *ssa.Panic:
				return 1
			case *ssa.Return:
				if ck.failedReturn(in) {
					return 1
				}
				return 2
			case *ssa.Call:
				if isSpawn(in) || apis.NeverReturns(cfgs, &in.Call) {
					return 1
				}
			}
		}
		return 0
	}
	free := spawnFree(m, ends)
	late := reachable(m, after)
	return func(i ssa.Instruction) bool {
		b, k := i.Block(), goroutine.Index(i)
		if _, ok := i.(*ssa.Defer); ok || b == nil || b.Parent() != m || late[b.Index] {
			return false // a deferred call runs at the return, after the spawn
		}
		for _, in := range b.Instrs[:k] {
			if isSpawn(in) {
				return false // after the spawn in its own block
			}
		}
		if isSpawn(i) {
			return true
		}
		switch ends(b, k+1) {
		case 1:
			return true
		case 2:
			return false
		}
		for _, s := range b.Succs {
			if free[s.Index] {
				return false
			}
		}
		return true
	}
}

// spawnFree returns, per block of fn, whether a path from its start
// avoids the spawner's calls up to a successful return, or without end
// (a block from which no path ends): ends(b, 0) tells how the block's
// own instructions end the path (see setUpBefore).
func spawnFree(fn *ssa.Function, ends func(*ssa.BasicBlock, int) int) []bool {
	n := len(fn.Blocks)
	kind := make([]int, n)
	ending := make([]bool, n) // some path from it ends
	var work []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		kind[b.Index] = ends(b, 0)
		if kind[b.Index] != 0 || len(b.Succs) == 0 {
			ending[b.Index] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if !ending[p.Index] {
				ending[p.Index] = true
				work = append(work, p)
			}
		}
	}
	free := make([]bool, n)
	for _, b := range fn.Blocks {
		if kind[b.Index] == 2 || !ending[b.Index] {
			free[b.Index] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if !free[p.Index] && kind[p.Index] == 0 {
				free[p.Index] = true
				work = append(work, p)
			}
		}
	}
	return free
}

// reachPaired returns what the method m reaches that checkObjects pairs
// with the goroutine that spawner starts: neither what m reaches through
// its calls of spawner (reachWithout) nor what it reaches from its
// instructions that run before its own call of spawner (setUpBefore).
func (ck *checker) reachPaired(m *spawn, spawner *ssa.Function, byFn map[*ssa.Function][]*access) []*gaccess {
	accs := ck.reachWithout(m, spawner, byFn)
	before := ck.setUpBefore(m.Fn, spawner)
	if before == nil {
		return accs
	}
	kept := ck.reachKept(m, func(i ssa.Instruction) bool { return !before(i) })
	var out []*gaccess
	for _, a := range accs {
		if kept[a.access] {
			out = append(out, a)
		}
	}
	return out
}
