package lockset

import (
	"cmp"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
)

// Deferred calls run when the function returns, last deferred first. A
// deferred call of a helper therefore runs with the locks held at the
// return, less those released by the calls deferred after it:
//
//	func (d *D) Bump(k string) {
//		d.mu.Lock()
//		defer d.mu.Unlock()
//		defer d.bumpLocked(k) // runs first: under d.mu
//	}
//
//	func (d *D) Late(k string) {
//		defer d.lateLocked(k) // runs last: after the Unlock
//		d.mu.Lock()
//		defer d.mu.Unlock()
//	}

// pending returns the defer instructions of r.Fn that may have run before
// ret, in the order their calls run at ret: last deferred first.
func (r *Result) pending(ret *ssa.Return) []*ssa.Defer {
	if len(r.defers) == 0 {
		return nil
	}
	if out, ok := r.pendingAt[ret]; ok {
		return out
	}
	var out []*ssa.Defer
	for _, d := range r.defers {
		if goroutine.Reaches(d.Block(), ret.Block()) {
			out = append(out, d)
		}
	}
	if r.pendingAt == nil {
		r.pendingAt = make(map[*ssa.Return][]*ssa.Defer)
	}
	r.pendingAt[ret] = out
	return out
}

// findDefers records the defer instructions of r.Fn, last deferred first.
// Deferred calls are ordered by position, which is the order they run in
// straight code; a defer in a loop runs once per iteration, all with the
// same locks.
func (r *Result) findDefers() {
	for _, b := range r.Fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok {
				r.defers = append(r.defers, d)
			}
		}
	}
	slices.SortStableFunc(r.defers, func(a, b *ssa.Defer) int { return cmp.Compare(b.Pos(), a.Pos()) })
}

// DeferHeld returns the locks held when the deferred call d, an
// instruction of r.Fn, runs: at every return it may reach, after the calls
// deferred later have run. ok is false when no return follows it (the
// call runs only when the function panics).
func (r *Result) DeferHeld(d *ssa.Defer) (Set, bool) {
	s, ok := r.deferAt[d]
	return s, ok
}

// runDeferred applies the calls pending at ret to held, the locks held at
// ret, recording for each the locks held when it runs (a meet over the
// returns and the iterations of the fixed point, which only shrink).
func (r *Result) runDeferred(ret *ssa.Return, held Set, record bool) Set {
	for _, d := range r.pending(ret) {
		if record {
			if r.deferAt == nil {
				r.deferAt = make(map[*ssa.Defer]Set)
			}
			if prev, ok := r.deferAt[d]; ok {
				r.deferAt[d] = prev.Meet(held)
			} else {
				r.deferAt[d] = held
			}
		}
		held = r.apply(&d.Call, held, nil, record)
	}
	return held
}

// deferredFrom sets what each deferred call of a function of source code
// runs under from an analysis of the paths through its defer statement
// only: at a return that a path without the defer also reaches, the
// must-hold set forgets the locks taken on the defer's path, though the
// call runs only on that path (client-go's tlsTransportCache.get: if
// canCache { c.mu.Lock(); defer c.mu.Unlock(); defer func() { ...
// c.lenLocked() }() }).
func (r *Result) deferredFrom() {
	for _, d := range r.defers {
		if callee := apis.StaticCallee(&d.Call); callee == nil || len(callee.Blocks) == 0 {
			continue // a lock operation or a function of another package
		}
		delete(r.deferAt, d)
		if !r.seen[d.Block().Index] {
			continue
		}
		sub := solve(&Result{Fn: r.Fn, callees: r.callees, entrySet: r.entry[d.Block().Index], consts: r.consts, split: r.split, union: r.union, from: d})
		if held, ok := sub.deferAt[d]; ok {
			if r.deferAt == nil {
				r.deferAt = make(map[*ssa.Defer]Set)
			}
			r.deferAt[d] = held
		}
	}
}
