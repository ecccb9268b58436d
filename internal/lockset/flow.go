package lockset

import (
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// Callees returns the summary of a statically called function, or nil when
// the call does nothing to locks as far as is known.
type Callees func(call *ssa.CallCommon, callee *ssa.Function) *Summary

// A Result is the lockset analysis of one function.
type Result struct {
	Fn       *ssa.Function
	entry    []Set  // per block index, valid when seen
	seen     []bool // per block
	callees  Callees
	exit     Set
	hasExit  bool
	TryLocks bool   // the function calls TryLock or TryRLock and uses the result otherwise than as a branch condition
	Opaque   bool   // every caller holds locks that cannot be named here
	released []Lock // unlocks of locks not taken here: the caller's
	// releasedAt holds the unlock instruction of each released lock.
	releasedAt []ssa.Instruction
	union      bool      // may-hold analysis: join is union
	mayOnce    sync.Once // computes mayAt on the first MayHold call
	entrySet   Set
	mayAt      map[ssa.Instruction]Set
	consts     map[*ssa.Parameter]bool // boolean parameters bound to constants (see AtCalls)
	defers     []*ssa.Defer            // the function's defer instructions, last deferred first
	deferAt    map[*ssa.Defer]Set      // locks held when each deferred call runs
	pendingAt  map[*ssa.Return][]*ssa.Defer
	split      map[ssa.Value]bool // conditions bound to a truth value (see splitOn)
	parts      []*Result          // one analysis per truth value of the split conditions
	from       *ssa.Defer         // analysed only along the paths through this defer (see deferredFrom)
	handed     map[*ssa.Go][]Lock // locks each go statement hands to its goroutine (see handedOff)
}

// Analyze computes the locks held in fn, given the locks held on entry.
func Analyze(fn *ssa.Function, entry Set, callees Callees) *Result {
	return analyze(fn, entry, callees, false)
}

func analyze(fn *ssa.Function, entry Set, callees Callees, union bool) *Result {
	return analyzeWith(&Result{Fn: fn, callees: callees, union: union, entrySet: entry})
}

func analyzeWith(r *Result) *Result {
	if len(r.Fn.Blocks) > 0 && !r.union {
		if conds := splitConds(r); len(conds) > 0 {
			return r.splitOn(conds)
		}
	}
	return solve(r)
}

// solve runs the dataflow analysis of r.Fn.
func solve(r *Result) *Result {
	fn, entry := r.Fn, r.entrySet
	n := len(fn.Blocks)
	if n == 0 {
		return r
	}
	start := fn.Blocks[0]
	if r.from != nil {
		start = r.from.Block()
	}
	r.entry = make([]Set, n)
	r.seen = make([]bool, n)
	r.entry[start.Index], r.seen[start.Index] = entry, true
	r.findDefers()
	// Must-hold dataflow to a fixed point: a block's entry set is the meet
	// of its predecessors' exit sets; sets only shrink, so it terminates.
	work := []*ssa.BasicBlock{start}
	queued := make([]bool, n)
	queued[start.Index] = true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b.Index] = false
		out := r.walk(b, nil)
		for i, s := range r.succs(b) {
			out := r.edge(b, i, out)
			if !r.seen[s.Index] {
				r.entry[s.Index], r.seen[s.Index] = out, true
			} else {
				m := r.entry[s.Index].Meet(out)
				if r.union {
					m = r.entry[s.Index].Union(out)
				}
				if m.equal(r.entry[s.Index]) {
					continue
				}
				r.entry[s.Index] = m
			}
			if !queued[s.Index] {
				queued[s.Index] = true
				work = append(work, s)
			}
		}
	}
	if r.from == nil {
		r.deferredFrom()
	}
	return r
}

// Each calls visit for every instruction of reachable blocks, in block
// order, with the locks held just before it. It only reads r (the fixed
// point has recorded the exit set already), so passes sharing a Result
// through a helper analyzer may call it concurrently.
func (r *Result) Each(visit func(instr ssa.Instruction, held Set)) {
	if r.parts != nil {
		r.eachPart(visit)
		return
	}
	for _, b := range r.Fn.Blocks {
		if r.seen != nil && r.seen[b.Index] {
			r.walk(b, visit)
		}
	}
}

// MayHold returns the locks held on some path to instr (a lock taken under
// a condition, `if c { mu.Lock(); defer mu.Unlock() }`, is in it). It is
// computed on first use, once: passes sharing a Result through a helper
// analyzer may call it concurrently, as Each.
func (r *Result) MayHold(instr ssa.Instruction) Set {
	r.mayOnce.Do(func() {
		may := analyze(r.Fn, r.entrySet, r.callees, true)
		r.mayAt = make(map[ssa.Instruction]Set)
		may.Each(func(instr ssa.Instruction, held Set) {
			if held.Len() > 0 {
				r.mayAt[instr] = held
			}
		})
	})
	return r.mayAt[instr]
}

// Exit returns the locks held when fn returns, after its deferred unlocks.
func (r *Result) Exit() (Set, bool) {
	if r.seen == nil {
		return Set{}, false
	}
	return r.exit, r.hasExit
}

func (r *Result) walk(b *ssa.BasicBlock, visit func(ssa.Instruction, Set)) Set {
	// Only the fixed point (visit == nil) records what the function does
	// (exit set, foreign unlocks, TryLock): visits must not write r.
	record := visit == nil
	held := r.entry[b.Index]
	for _, instr := range b.Instrs {
		if visit != nil {
			visit(instr, held)
		}
		switch instr := instr.(type) {
		case *ssa.Call:
			held = r.apply(&instr.Call, held, instr, record)
		case *ssa.Go:
			for _, l := range r.handedOff(instr, record) {
				held = held.Without(l.Ref, l.Read)
			}
		case *ssa.Return:
			if visit != nil {
				continue // the fixed point (visit == nil) records the exit
			}
			out := r.runDeferred(instr, held, record)
			switch {
			case r.hasExit && r.union:
				r.exit = r.exit.Union(out)
			case r.hasExit:
				r.exit = r.exit.Meet(out)
			default:
				r.exit, r.hasExit = out, true
			}
		}
	}
	return held
}

func (r *Result) apply(call *ssa.CallCommon, held Set, instr ssa.Instruction, record bool) Set {
	op, mu := Classify(call)
	pos := call.Pos()
	switch op {
	case Acquire:
		return held.With(Lock{Ref: mapid.RefOf(mu), Pos: pos})
	case RAcquire:
		return held.With(Lock{Ref: mapid.RefOf(mu), Read: true, Pos: pos})
	case Release, RRelease:
		ref, read := mapid.RefOf(mu), op == RRelease
		if !held.Holds(ref, true) && instr != nil && record {
			r.released = append(r.released, Lock{Ref: ref, Read: read})
			r.releasedAt = append(r.releasedAt, instr)
		}
		return held.Without(ref, read)
	case TryAcquire, TryRAcquire:
		// The lock is taken on the branch where the result is true
		// (see edge); a result used otherwise is not followed.
		if c, ok := instr.(*ssa.Call); record && (!ok || !onlyTested(c)) {
			r.TryLocks = true
		}
		return held
	}
	callee := apis.StaticCallee(call)
	if callee == nil || r.callees == nil {
		return held
	}
	if callee.Parent() == r.Fn {
		// A closure of fn names fn's values through its free variables,
		// which its summary cannot, and may test fn's parameters
		// (lock := func() { if needLock { mu.Lock() } }): run it here.
		return r.inline(callee, held)
	}
	sum := r.callees(call, callee)
	if sum == nil {
		return held
	}
	for _, a := range sum.Releases {
		if ref, ok := a.Concrete(call, callee); ok {
			held = held.Without(ref, a.Read)
		}
	}
	for _, a := range sum.Acquires {
		if ref, ok := a.Concrete(call, callee); ok {
			held = held.With(Lock{Ref: ref, Read: a.Read, Pos: pos})
		}
	}
	return held
}
