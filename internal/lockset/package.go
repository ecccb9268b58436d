package lockset

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// A Package is the lockset analysis of every function of a package.
type Package struct {
	summaries map[*ssa.Function]*Summary
	results   map[*ssa.Function]*Result
	callers   map[*ssa.Function][]*ssa.Function
	calls     map[*ssa.Function][]*ssa.Function
	taken     map[*ssa.Function]bool
	sites     map[*ssa.Function][]*ssa.Call // static calls of each function of the package
	// deferSites holds the deferred static calls of each function,
	// dynSites the interface method calls that may run it.
	deferSites map[*ssa.Function][]*ssa.Defer
	dynSites   map[*ssa.Function][]*ssa.Call
	dyn        *dynamic
	order      []*ssa.Function // callers before callees, outside cycles
	// alone is Options.Unconstraining: these calls say nothing of the
	// locks the callee needs.
	alone    func(caller, callee *ssa.Function) bool
	mayEntry map[mayKey]Set // see MayOnEntry
	// Set by Prepare for Solve.
	in     map[*ssa.Function]bool
	opts   Options
	callee Callees
}

// Callers returns the functions of the package that call fn statically, one
// entry per call.
func (p *Package) Callers(fn *ssa.Function) []*ssa.Function { return p.callers[fn] }

// Callees returns the functions of the package that fn calls, statically
// or by defer, one entry per call.
func (p *Package) Callees(fn *ssa.Function) []*ssa.Function { return p.calls[fn] }

// OnlyCalled reports whether fn is only ever called statically from the
// package: never used as a value, started by go or deferred.
func (p *Package) OnlyCalled(fn *ssa.Function) bool {
	return len(p.callers[fn]) > 0 && !p.taken[fn]
}

// TopDown returns the package's functions, callers before callees (except
// within cycles of calls).
func (p *Package) TopDown() []*ssa.Function { return p.order }

// Summary returns fn's summary (nil if fn is not in the package or has none).
func (p *Package) Summary(fn *ssa.Function) *Summary { return p.summaries[fn] }

// Result returns the analysis of fn, run with its required locks held on
// entry, or nil if fn is not in the package.
func (p *Package) Result(fn *ssa.Function) *Result { return p.results[fn] }

// AnalyzePackage analyzes fns, the functions of one package (including
// closures). imported gives the summaries of functions of other packages
// (from facts); it may return nil.
//
// Summaries are computed bottom-up over static calls (a function that locks
// for its caller), then the locks required on entry top-down: a function
// whose every call is a static call from this package (not used as a value,
// not started by go or defer) runs with the locks that all its callers hold
// at the call. That is how a *Locked helper is known to run under its
// caller's lock, whatever its name.
func AnalyzePackage(fns []*ssa.Function, imported func(*ssa.Function) *Summary) *Package {
	return AnalyzePackageWith(fns, Options{Imported: imported})
}

// Options refine AnalyzePackage.
type Options struct {
	// Imported gives the summaries of functions of other packages.
	Imported func(*ssa.Function) *Summary
	// Synchronous reports whether a call runs a closure passed to it as an
	// argument before returning (sort.Slice, a Range method, sync.Once.Do),
	// so that the closure runs with the locks held at the call. It must
	// say no for calls that start goroutines.
	Synchronous func(call *ssa.Call) bool
	// Unconstraining reports whether the calls that caller makes of
	// callee say nothing about the locks callee needs (tests calling a
	// *Locked helper directly, one goroutine at a time).
	Unconstraining func(caller, callee *ssa.Function) bool
	// Unshared reports whether argument i of a static call is an object
	// that no other goroutine can reach yet (a constructor's new value):
	// the call says nothing of the locks the callee needs on that object,
	// only of the others. It is consulted by Solve.
	Unshared func(c *ssa.Call, i int) bool
	// Executor reports whether the call c runs its closure argument cb as
	// a task of a serial executor (tasks of one executor never run at
	// once), and returns the lock that stands for it: a ref no code
	// locks, held by every task. waits says the caller waits for the
	// task, whose closure then also runs under the caller's locks.
	Executor func(c *ssa.Call, cb *ssa.Function) (lock mapid.Ref, waits, ok bool)
}

// AnalyzePackageWith is AnalyzePackage with options.
func AnalyzePackageWith(fns []*ssa.Function, opts Options) *Package {
	p := Prepare(fns, opts)
	p.Solve()
	return p
}

// Prepare computes the calls, callers, order and summaries of fns, the
// functions of one package; Solve computes the locks each function
// requires and analyses it. Between the two, Callers, OnlyCalled, TopDown
// and Summary are answered, and Result is nil: a client whose Unshared
// option needs the call graph computes what it needs in between.
//
// The closures of the package initializer (function literals in
// package-level variables, which buildssa's SrcFuncs leaves out) are
// functions of the package too: pebble's migrations, stored in a map
// variable and called through it (see tables.go), call the package's
// helpers, and without them those helpers had no callers.
func Prepare(fns []*ssa.Function, opts Options) *Package {
	fns = withInitClosures(fns)
	imported := opts.Imported
	p := &Package{
		summaries:  make(map[*ssa.Function]*Summary, len(fns)),
		results:    make(map[*ssa.Function]*Result, len(fns)),
		sites:      make(map[*ssa.Function][]*ssa.Call),
		deferSites: make(map[*ssa.Function][]*ssa.Defer),
		dynSites:   make(map[*ssa.Function][]*ssa.Call),
		dyn:        newDynamic(fns),
		alone:      opts.Unconstraining,
	}
	in := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		in[fn] = true
	}
	calls, callers, taken := p.scan(fns, in, &opts)

	callee := func(call *ssa.CallCommon, fn *ssa.Function) *Summary {
		if s, ok := p.summaries[fn]; ok {
			return s
		}
		if !in[fn] && imported != nil {
			return imported(fn)
		}
		return nil
	}

	// Bottom-up: effects. Functions in a cycle see their not-yet-summarised
	// callees as doing nothing.
	var post []*ssa.Function
	state := make(map[*ssa.Function]uint8)
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if state[fn] != 0 {
			return
		}
		state[fn] = 1
		for _, c := range calls[fn] {
			visit(c)
		}
		state[fn] = 2
		post = append(post, fn)
	}
	for _, fn := range fns {
		visit(fn)
	}
	for _, fn := range post {
		r := Analyze(fn, Set{}, callee)
		acq, rel := Effect(r)
		p.summaries[fn] = &Summary{Acquires: acq, Releases: rel}
	}

	p.callers, p.calls, p.taken = callers, calls, taken
	for i := len(post) - 1; i >= 0; i-- {
		p.order = append(p.order, post[i])
	}

	p.in, p.opts, p.callee = in, opts, callee
	return p
}

// Solve computes the requirements of the package prepared by Prepare and
// analyses every function with them held on entry.
func (p *Package) Solve() { p.requirements(p.in, &p.opts, p.callee) }

// requirements computes, top-down, the locks that every caller holds when
// calling each function only called statically, and analyses every
// function with them held on entry.
func (p *Package) requirements(in map[*ssa.Function]bool, opts *Options, callee Callees) {
	// Top-down: requirements, to a fixed point. A function only called
	// statically starts at "every lock" (no call seen) and is lowered to the
	// meet of its call sites each time a caller is (re)analyzed; sets only
	// shrink, so this terminates, and recursive helpers (a *Locked function
	// calling itself) keep their callers' locks.
	only := p.OnlyCalled
	st := &reqState{reqs: make(map[*ssa.Function]*Set), dirty: make(map[*ssa.Function]bool), opaque: make(map[*ssa.Function]bool), unshared: make(map[*ssa.Function][]unsharedSite), siteAt: make(map[*ssa.Call]Set), resited: make(map[*ssa.Call]int), handoff: make(map[*ssa.Function]*Set), dropsFor: make(map[*ssa.Function][]Lock)}
	reqs, dirty, opaque := st.reqs, st.dirty, st.opaque
	for _, fn := range p.order {
		if !only(fn) {
			dirty[fn] = true
		}
	}
	// A call made holding a lock the callee cannot name (db.mu held, the
	// callee gets dc and reaches dc.db) is opaque: it does not lower the
	// callee's requirements, and a function whose calls are all opaque runs
	// under locks this analysis cannot name (Result.Opaque).
	for st.changed = true; st.changed; {
		st.changed = false
		for _, fn := range p.order {
			if !dirty[fn] {
				continue
			}
			dirty[fn] = false
			entry := Set{}
			if only(fn) {
				entry, _ = st.entry(fn)
			} else if h := st.handoff[fn]; h != nil {
				entry = *h
			}
			r := Analyze(fn, entry, callee)
			r.Opaque = only(fn) && reqs[fn] == nil && len(st.unshared[fn]) == 0 && opaque[fn]
			p.results[fn] = r
			lower := func(cf *ssa.Function, at Set, dropped bool) {
				st.lower(p, fn, r, cf, at, dropped, opts)
			}
			p.lowerCalls(st, r, in, opts, lower)
			p.lowerDeferred(r, in, lower)
			st.handOver(r, in, callee)
		}
	}
	p.summarise(st, callee)
}

// summarise gives every function never analyzed (only called from code
// never analyzed) an opaque result, and records each function's
// requirements in its summary.
func (p *Package) summarise(st *reqState, callee Callees) {
	for _, fn := range p.order {
		if p.results[fn] == nil {
			p.results[fn] = Analyze(fn, Set{}, callee)
			p.results[fn].Opaque = true
		}
		if req, ok := st.entry(fn); p.OnlyCalled(fn) && ok {
			sum := p.summaries[fn]
			for _, l := range req.Locks() {
				if a, ok := AbstractOf(fn, l.Ref, l.Read); ok {
					sum.Requires = append(sum.Requires, a)
				}
			}
		}
	}
}

// lowerCalls lowers the requirements of every function r.Fn calls (through
// callbacks, dynamic calls and static calls) to the locks held at the call.
func (p *Package) lowerCalls(st *reqState, r *Result, in map[*ssa.Function]bool, opts *Options, lower func(*ssa.Function, Set, bool)) {
	fn, only := r.Fn, p.OnlyCalled
	inContext := p.contextHeld(fn)
	r.Each(func(instr ssa.Instruction, held Set) {
		c, ok := instr.(*ssa.Call)
		if !ok {
			return
		}
		if h, ok := inContext[c]; ok {
			held = held.Union(h)
		}
		for _, cb := range opts.callbacks(c) {
			if in[cb] && only(cb) {
				at, all := translateAll(opts.callbackHeld(c, cb, held), nil, cb)
				lower(cb, at, !all)
			}
		}
		for _, cf := range p.dyn.callees(&c.Call) {
			if in[cf] && only(cf) {
				at, all := translateArgs(held, callArgs(&c.Call), cf)
				lower(cf, at, !all)
			}
		}
		cf := apis.StaticCallee(&c.Call)
		if cf == nil || !in[cf] || !only(cf) {
			return
		}
		at, all := translateAll(held, &c.Call, cf)
		// A call passing an unshared object constrains the callee's
		// locks on the other objects only when it names every lock it
		// holds and its caller's own locks are known: otherwise it is
		// opaque like any such call (lower). nats-server's
		// InstallSnapshot holds n's lock and calls
		// c.n.installSnapshot(snap) on a fresh snap, where c.n is n
		// under a name the callee cannot see.
		if params := unsharedParams(c, cf, opts); len(params) > 0 && all && !r.Opaque && !(opts.Unconstraining != nil && opts.Unconstraining(fn, cf)) {
			st.lowerUnshared(cf, c, at, params)
			return
		}
		st.resite(p, c, cf, at)
		lower(cf, at, !all)
	})
}

// lowerDeferred lowers the requirements of the functions whose calls r.Fn
// defers to the locks held when they run: at the returns, in LIFO order.
func (p *Package) lowerDeferred(r *Result, in map[*ssa.Function]bool, lower func(*ssa.Function, Set, bool)) {
	for _, d := range r.defers {
		cf := apis.StaticCallee(&d.Call)
		if cf == nil || !in[cf] || !p.OnlyCalled(cf) {
			continue
		}
		held, _ := r.DeferHeld(d) // none when it runs only on a panic
		at, all := translateAll(held, &d.Call, cf)
		lower(cf, at, !all)
	}
}

// reqState is the state of the requirements fixed point.
type reqState struct {
	reqs   map[*ssa.Function]*Set
	dirty  map[*ssa.Function]bool
	opaque map[*ssa.Function]bool
	// unshared holds the calls that pass an object nobody else has yet,
	// per callee: they lower only the locks on the other objects.
	unshared map[*ssa.Function][]unsharedSite
	// siteAt holds the locks last seen at each call of a function whose
	// locks depend on its boolean parameters (see resite).
	siteAt  map[*ssa.Call]Set
	resited map[*ssa.Call]int
	// handoff holds the locks each goroutine closure runs under on
	// entry, handed over by its spawner (see handOver); dropsFor caches
	// the locks each closure releases without taking them.
	handoff  map[*ssa.Function]*Set
	dropsFor map[*ssa.Function][]Lock
	changed  bool
}

// lower lowers the requirements of cf, called by fn (analysed as r) with
// at held (dropped: some held lock cannot be named by cf).
func (st *reqState) lower(p *Package, fn *ssa.Function, r *Result, cf *ssa.Function, at Set, dropped bool, opts *Options) {
	if opts.Unconstraining != nil && opts.Unconstraining(fn, cf) {
		// A test calls the helper alone: it says nothing of the locks
		// the helper needs, but the helper is analysed (with no lock)
		// if nothing else calls it.
		if st.reqs[cf] == nil && !st.opaque[cf] && p.results[cf] == nil && !st.dirty[cf] {
			st.dirty[cf] = true
			st.changed = true
		}
		return
	}
	if r.Opaque || dropped {
		if st.reqs[cf] == nil && !st.opaque[cf] {
			st.opaque[cf] = true
			st.dirty[cf] = true
			st.changed = true
		}
		return
	}
	if prev := st.reqs[cf]; prev != nil {
		if at = prev.Meet(at); at.equal(*prev) {
			return
		}
	}
	st.reqs[cf] = &at
	st.dirty[cf] = true
	st.changed = true
}

// scan records the static calls of fns (caller to callees, in order), the
// callers and call sites of each function, and the functions used as
// values (taken): passed, stored, started by go or deferred. A closure
// argument that runs during the call is a call, not a use as a value.
func (p *Package) scan(fns []*ssa.Function, in map[*ssa.Function]bool, opts *Options) (calls, callers map[*ssa.Function][]*ssa.Function, taken map[*ssa.Function]bool) {
	calls = make(map[*ssa.Function][]*ssa.Function)
	callers = make(map[*ssa.Function][]*ssa.Function)
	taken = make(map[*ssa.Function]bool)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var cbs []*ssa.Function
				if d, ok := instr.(*ssa.Defer); ok {
					// A deferred call is a call made when the function
					// returns (see Result.DeferHeld).
					if callee := apis.StaticCallee(&d.Call); callee != nil && in[callee] {
						calls[fn] = append(calls[fn], callee)
						callers[callee] = append(callers[callee], fn)
						p.deferSites[callee] = append(p.deferSites[callee], d)
					}
				}
				if c, ok := instr.(*ssa.Call); ok {
					if callee := apis.StaticCallee(&c.Call); callee != nil && in[callee] {
						calls[fn] = append(calls[fn], callee)
						callers[callee] = append(callers[callee], fn)
						p.sites[callee] = append(p.sites[callee], c)
					}
					for _, callee := range p.dyn.callees(&c.Call) {
						if in[callee] {
							calls[fn] = append(calls[fn], callee)
							callers[callee] = append(callers[callee], fn)
							p.dynSites[callee] = append(p.dynSites[callee], c)
						}
					}
					cbs = opts.callbacks(c)
					for _, cb := range cbs {
						if in[cb] {
							callers[cb] = append(callers[cb], fn)
						}
					}
				}
				markTaken(taken, p.dyn.tables, instr, usedValues(instr, cbs))
			}
		}
	}
	// The package initializer is no function of the package's (it runs
	// alone, before any other), but the functions it stores are values
	// all the same: var handler = serve.
	if init := initOf(fns); init != nil && !in[init] {
		for _, b := range init.Blocks {
			for _, instr := range b.Instrs {
				markTaken(taken, p.dyn.tables, instr, usedValues(instr, nil))
			}
		}
	}
	return calls, callers, taken
}

// usedValues returns the operands of instr used as values: not the callee
// of a call, and for a closure argument in cbs (run during the call) or a
// MakeClosure, the values it binds.
func usedValues(instr ssa.Instruction, cbs []*ssa.Function) []ssa.Value {
	var rands []ssa.Value
	if d, ok := instr.(*ssa.Defer); ok && d.Call.StaticCallee() != nil {
		return d.Call.Args // the deferred function itself is called, not used
	}
	if c, ok := instr.(*ssa.Call); ok {
		for _, a := range c.Call.Args {
			if mc, ok := a.(*ssa.MakeClosure); ok && slices.Contains(cbs, mc.Fn.(*ssa.Function)) {
				rands = append(rands, mc.Bindings...)
				continue
			}
			rands = append(rands, a)
		}
	} else {
		for _, v := range instr.Operands(nil) {
			if *v != nil {
				rands = append(rands, *v)
			}
		}
	}
	if mc, ok := instr.(*ssa.MakeClosure); ok {
		rands = append(rands[:0], mc.Bindings...)
	}
	return rands
}

// onlyCalled reports whether the closure mc is only ever called directly.
func onlyCalled(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if d, ok := r.(*ssa.Defer); ok && d.Call.Value == mc && !slices.Contains(d.Call.Args, ssa.Value(mc)) {
			continue // defer func() { ... }(): called at return
		}
		c, ok := r.(*ssa.Call)
		if !ok || c.Call.Value != mc {
			return false
		}
		for _, a := range c.Call.Args {
			if a == mc {
				return false
			}
		}
	}
	return true
}
