package lockset

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// handOver records the locks that the goroutines r.Fn starts are handed:
// a goroutine closure that releases a lock it never takes, started while
// its spawner holds that lock, runs under it until it releases it. sarama's
// Broker.Open:
//
//	b.lock.Lock()
//	go withRecover(func() {
//		defer b.lock.Unlock()
//		... // writes b.brokerAPIVersions under b.lock
//	})
//
// Only anonymous functions are followed, started by go directly or passed
// to the function go starts (whose argument the pass's goroutine reach
// takes to run in the goroutine): each is written at one place, so the
// spawn is its only start. A closure started several times (in a loop)
// is handed the lock once, and is analysed under it; the first goroutine
// to release the lock ends the hand-over, which this does not model.
func (st *reqState) handOver(r *Result, in map[*ssa.Function]bool, callee Callees) {
	r.Each(func(instr ssa.Instruction, held Set) {
		g, ok := instr.(*ssa.Go)
		if !ok || held.Len() == 0 {
			return
		}
		for _, t := range spawnedClosures(g) {
			if !in[t] {
				continue
			}
			at, _ := translateArgs(held, nil, t)
			st.handTo(t, at, callee)
		}
	})
}

// handTo lowers the hand-over of the closure t to the locks of at that t
// releases without taking.
func (st *reqState) handTo(t *ssa.Function, at Set, callee Callees) {
	drops, ok := st.dropsFor[t]
	if !ok {
		drops = releasesOnEntry(Analyze(t, Set{}, callee))
		st.dropsFor[t] = drops
	}
	var h Set
	for _, l := range at.Locks() {
		if slices.ContainsFunc(drops, l.same) {
			h = h.With(l)
		}
	}
	if prev := st.handoff[t]; prev != nil {
		if h = prev.Meet(h); h.equal(*prev) {
			return
		}
	} else if h.Len() == 0 {
		return
	}
	st.handoff[t] = &h
	st.dirty[t] = true
	st.changed = true
}

// spawnedClosures returns the anonymous functions that the go statement g
// runs: its callee, or closures passed to it and used nowhere else.
func spawnedClosures(g *ssa.Go) []*ssa.Function {
	var out []*ssa.Function
	if cf := g.Call.StaticCallee(); cf != nil && cf.Parent() != nil {
		out = append(out, cf)
	}
	for _, a := range g.Call.Args {
		switch a := a.(type) {
		case *ssa.MakeClosure:
			if refs := a.Referrers(); refs != nil && len(*refs) == 1 {
				out = append(out, a.Fn.(*ssa.Function))
			}
		case *ssa.Function:
			if a.Parent() != nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// dropped returns the locks that r.Fn, analysed with none held on entry,
// releases without having taken them on any path before: its caller's.
func dropped(r *Result) []Lock {
	var out []Lock
	for i, l := range r.released {
		if r.MayHold(r.releasedAt[i]).Holds(l.Ref, true) {
			// Taken on some path here: the function's own lock, locked
			// and unlocked under correlated conditions (if !hasLock {
			// mu.Lock() } ... if !hasLock { mu.Unlock() }).
			continue
		}
		if !slices.ContainsFunc(out, l.same) {
			out = append(out, l)
		}
	}
	return out
}

// handedOff returns the locks that the go statement g hands to the
// goroutine closures it starts (those they release without taking): the
// spawner holds them no more after g. It is computed by the fixed point
// (record) and only read by visits.
func (r *Result) handedOff(g *ssa.Go, record bool) []Lock {
	if l, ok := r.handed[g]; ok || !record {
		return l
	}
	var out []Lock
	for _, t := range spawnedClosures(g) {
		out = append(out, releasesOnEntry(Analyze(t, Set{}, r.callees))...)
	}
	if r.handed == nil {
		r.handed = make(map[*ssa.Go][]Lock)
	}
	r.handed[g] = out
	return out
}

// releasesOnEntry returns the locks that r.Fn, analysed with none held on
// entry, releases without taking them first, by an unlock or a deferred
// unlock (defer b.lock.Unlock() in sarama's goroutine).
func releasesOnEntry(r *Result) []Lock {
	out := dropped(r)
	for _, d := range r.defers {
		op, mu := Classify(&d.Call)
		if op != Release && op != RRelease {
			continue
		}
		l := Lock{Ref: mapid.RefOf(mu), Read: op == RRelease}
		if !r.MayHold(d).Holds(l.Ref, true) && !slices.ContainsFunc(out, l.same) {
			out = append(out, l)
		}
	}
	return out
}
