package lockset

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// A Package is the lockset analysis of every function of a package.
type Package struct {
	summaries map[*ssa.Function]*Summary
	results   map[*ssa.Function]*Result
	callers   map[*ssa.Function][]*ssa.Function
	taken     map[*ssa.Function]bool
	sites     map[*ssa.Function][]*ssa.Call // static calls of each function of the package
	order     []*ssa.Function               // callers before callees, outside cycles
}

// Callers returns the functions of the package that call fn statically, one
// entry per call.
func (p *Package) Callers(fn *ssa.Function) []*ssa.Function { return p.callers[fn] }

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
	// Unconstraining reports whether the calls made by a function say
	// nothing about the locks its callees need (tests calling a *Locked
	// helper directly, one goroutine at a time).
	Unconstraining func(*ssa.Function) bool
}

// callbacks returns the closures passed to c that run during the call.
func (o *Options) callbacks(c *ssa.Call) []*ssa.Function {
	if o.Synchronous == nil {
		return nil
	}
	var out []*ssa.Function
	for _, a := range c.Call.Args {
		mc, ok := a.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		if refs := mc.Referrers(); refs == nil || len(*refs) != 1 || (*refs)[0] != c {
			continue
		}
		if !o.Synchronous(c) {
			return nil
		}
		out = append(out, mc.Fn.(*ssa.Function))
	}
	return out
}

// AnalyzePackageWith is AnalyzePackage with options.
func AnalyzePackageWith(fns []*ssa.Function, opts Options) *Package {
	imported := opts.Imported
	p := &Package{
		summaries: make(map[*ssa.Function]*Summary, len(fns)),
		results:   make(map[*ssa.Function]*Result, len(fns)),
		sites:     make(map[*ssa.Function][]*ssa.Call),
	}
	in := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		in[fn] = true
	}
	calls := make(map[*ssa.Function][]*ssa.Function) // caller -> callees, in order
	callers := make(map[*ssa.Function][]*ssa.Function)
	taken := make(map[*ssa.Function]bool)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var rands []ssa.Value
				if c, ok := instr.(*ssa.Call); ok {
					if callee := c.Call.StaticCallee(); callee != nil && in[callee] {
						calls[fn] = append(calls[fn], callee)
						callers[callee] = append(callers[callee], fn)
						p.sites[callee] = append(p.sites[callee], c)
					}
					// The callee position is not a use as a value, nor
					// is a closure argument run during the call.
					cbs := opts.callbacks(c)
					for _, cb := range cbs {
						if in[cb] {
							callers[cb] = append(callers[cb], fn)
						}
					}
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
				for _, v := range rands {
					switch f := v.(type) {
					case *ssa.Function:
						taken[f] = true
					case *ssa.MakeClosure:
						if !onlyCalled(f) {
							taken[f.Fn.(*ssa.Function)] = true
						}
					}
				}
			}
		}
	}

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

	p.callers, p.taken = callers, taken
	for i := len(post) - 1; i >= 0; i-- {
		p.order = append(p.order, post[i])
	}

	// Top-down: requirements, to a fixed point. A function only called
	// statically starts at "every lock" (no call seen) and is lowered to the
	// meet of its call sites each time a caller is (re)analyzed; sets only
	// shrink, so this terminates, and recursive helpers (a *Locked function
	// calling itself) keep their callers' locks.
	only := func(fn *ssa.Function) bool { return len(callers[fn]) > 0 && !taken[fn] }
	reqs := make(map[*ssa.Function]*Set)
	dirty := make(map[*ssa.Function]bool)
	for _, fn := range p.order {
		if !only(fn) {
			dirty[fn] = true
		}
	}
	// A call made holding a lock the callee cannot name (db.mu held, the
	// callee gets dc and reaches dc.db) is opaque: it does not lower the
	// callee's requirements, and a function whose calls are all opaque runs
	// under locks this analysis cannot name (Result.Opaque).
	opaque := make(map[*ssa.Function]bool)
	for changed := true; changed; {
		changed = false
		for _, fn := range p.order {
			if !dirty[fn] {
				continue
			}
			dirty[fn] = false
			entry := Set{}
			if only(fn) && reqs[fn] != nil {
				entry = *reqs[fn]
			}
			r := Analyze(fn, entry, callee)
			r.Opaque = only(fn) && reqs[fn] == nil && opaque[fn]
			p.results[fn] = r
			lower := func(cf *ssa.Function, at Set, dropped bool) {
				if opts.Unconstraining != nil && opts.Unconstraining(fn) {
					// A test calls the helper alone: it says nothing of
					// the locks the helper needs, but the helper is
					// analysed (with no lock) if nothing else calls it.
					if reqs[cf] == nil && !opaque[cf] && p.results[cf] == nil && !dirty[cf] {
						dirty[cf] = true
						changed = true
					}
					return
				}
				if r.Opaque || dropped {
					if reqs[cf] == nil && !opaque[cf] {
						opaque[cf] = true
						dirty[cf] = true
						changed = true
					}
					return
				}
				if prev := reqs[cf]; prev != nil {
					if at = prev.Meet(at); at.equal(*prev) {
						return
					}
				}
				reqs[cf] = &at
				dirty[cf] = true
				changed = true
			}
			r.Each(func(instr ssa.Instruction, held Set) {
				c, ok := instr.(*ssa.Call)
				if !ok {
					return
				}
				for _, cb := range opts.callbacks(c) {
					if in[cb] && only(cb) {
						at := translate(held, nil, cb)
						lower(cb, at, at.Len() < held.Len())
					}
				}
				cf := c.Call.StaticCallee()
				if cf == nil || !in[cf] || !only(cf) {
					return
				}
				at := translate(held, &c.Call, cf)
				lower(cf, at, at.Len() < held.Len())
			})
		}
	}
	for _, fn := range p.order {
		if p.results[fn] == nil { // only called from code never analyzed
			p.results[fn] = Analyze(fn, Set{}, callee)
			p.results[fn].Opaque = true
		}
		if only(fn) && reqs[fn] != nil {
			sum := p.summaries[fn]
			for _, l := range reqs[fn].Locks() {
				if a, ok := AbstractOf(fn, l.Ref, l.Read); ok {
					sum.Requires = append(sum.Requires, a)
				}
			}
		}
	}
	return p
}

// translate returns the locks of held (at a call) that the callee can name:
// paths below its parameters, rooted at the callee's parameters, and package
// variables.
func translate(held Set, call *ssa.CallCommon, callee *ssa.Function) Set {
	out := Set{}
	if call != nil && len(call.Args) != len(callee.Params) {
		return out
	}
	for _, l := range held.Locks() {
		if _, ok := l.Ref.Root.(*ssa.Global); ok || encloses(valueFunc(l.Ref.Root), callee) {
			// A closure sees its enclosing functions' values through its
			// free variables, which mapid resolves to those values.
			out = out.With(l)
			continue
		}
		if call == nil {
			continue // a callback: only what it sees through free variables
		}
		for i, arg := range call.Args {
			ar := mapid.RefOf(arg)
			if rel, ok := l.Ref.Path.TrimPrefix(ar.Path); ok && ar.Root == l.Ref.Root {
				out = out.With(Lock{Ref: mapid.Ref{Root: callee.Params[i], Path: rel}, Read: l.Read, Pos: l.Pos})
				break
			}
		}
	}
	return out
}

// onlyCalled reports whether the closure mc is only ever called directly.
func onlyCalled(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
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

// valueFunc returns the function that computes v, or nil.
func valueFunc(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent()
	case ssa.Instruction:
		return v.Parent()
	}
	return nil
}

// encloses reports whether outer is a strict lexical ancestor of fn.
func encloses(outer, fn *ssa.Function) bool {
	if outer == nil {
		return false
	}
	for p := fn.Parent(); p != nil; p = p.Parent() {
		if p == outer {
			return true
		}
	}
	return false
}
