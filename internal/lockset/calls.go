package lockset

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// AtCalls returns the locks held at instr, an instruction of fn, once per
// static call of fn in the package that can reach instr: fn is analysed
// with the locks the caller holds at the call and with its boolean
// parameters bound to the constants the call passes, so that a lock taken
// under a condition counts where the condition holds and a write under a
// correlated condition is seen with the lock:
//
//	func (t *T) remove(k string, shouldLock, updateCache bool) {
//		if shouldLock { t.mu.Lock(); defer t.mu.Unlock() }
//		if updateCache { delete(t.cache, k) }
//	}
//
// A caller whose own boolean parameters decide the locks at the call, or
// that forwards one of them, is seen once per call of its own, up to
// maxForward callers up (nats-server's pubAllowedFullCheck(subject,
// fullCheck, hasLock) locks c.mu when !hasLock and then calls
// responseAllowed, which writes c.replies; the callers that pass
// hasLock=true hold c.mu). Calls from tests and init (Unconstraining) say
// nothing and are skipped.
//
// A call that passes an object nobody else has yet (Options.Unshared) names
// it in the CallSet's Unshared: whatever it holds, nobody else can touch
// that object there (a constructor's or a setup method's call).
//
// ok is false when fn is not only called statically, or a call passes a
// value that is not a constant (nor a bound parameter of its caller) for a
// boolean parameter, when neither fn nor a caller tests one: the answer
// would be a guess.
func (p *Package) AtCalls(fn *ssa.Function, instr ssa.Instruction) (sets []CallSet, ok bool) {
	if !p.OnlyCalled(fn) || !p.contextual(fn) {
		return nil, false
	}
	ctxs, ok := p.callContexts(fn, 0)
	if !ok {
		return nil, false
	}
	for k := range ctxs {
		p.analyzeIn(fn, &ctxs[k]).Each(func(i ssa.Instruction, held Set) {
			if i == instr {
				sets = append(sets, CallSet{Held: held, Unshared: ctxs[k].unshared})
			}
		})
	}
	return sets, true
}

// maxForward bounds how many callers up AtCalls follows the parameters
// that decide the locks.
const maxForward = 3

// A CallSet is the locks held at an instruction on one call of its
// function (see AtCalls).
type CallSet struct {
	Held Set
	// Unshared holds the parameters of the function bound, on this call,
	// to objects nobody else has yet.
	Unshared []*ssa.Parameter
}

// A callContext is how one call runs a function: the locks held on entry,
// the constants bound to its boolean parameters, and the parameters bound
// to unshared objects.
type callContext struct {
	entry    Set
	consts   map[*ssa.Parameter]bool
	unshared []*ssa.Parameter
}

// contextual reports whether the locks held in fn may depend on boolean
// parameters: fn's, or those of a function that calls it, directly or
// through up to maxForward callers that are only called statically.
func (p *Package) contextual(fn *ssa.Function) bool {
	return p.testsParams(fn) || p.inherits(fn, 0)
}

// inherits reports whether the locks fn runs under may depend on the
// boolean parameters of a function that calls it, at most maxForward-depth
// calls up. nats-server's Sublist.remove(sub, shouldLock, …) locks only
// when shouldLock, calls chkForRemoveNotification ("write lock should be
// held"), which calls matchNoLock, which calls match: every caller of remove
// that passes shouldLock=false holds the lock, so the whole chain runs
// under it on every call, though no function in it tests a parameter.
func (p *Package) inherits(fn *ssa.Function, depth int) bool {
	if depth >= maxForward {
		return false
	}
	for _, site := range p.sites[fn] {
		c := site.Parent()
		if c == fn || !p.OnlyCalled(c) {
			continue
		}
		if p.testsParams(c) || p.inherits(c, depth+1) {
			return true
		}
	}
	return false
}

// callContexts returns the contexts of the static calls of fn; see AtCalls.
func (p *Package) callContexts(fn *ssa.Function, depth int) ([]callContext, bool) {
	if len(p.deferSites[fn])+len(p.dynSites[fn]) > 0 {
		return nil, false // deferred and interface calls are not bound call by call
	}
	var out []callContext
	for _, site := range p.sites[fn] {
		caller := site.Parent()
		if p.alone != nil && p.alone(caller, fn) {
			continue
		}
		if p.results[caller] == nil {
			// Not analysed yet (the requirements fixed point, in a cycle
			// of calls): like a call not seen yet, it constrains nothing
			// now, and its first analysis makes fn's be redone (resite).
			continue
		}
		outer := []*callContext{nil} // the caller's own analysis
		if depth < maxForward && p.OnlyCalled(caller) && (p.testsParams(caller) || forwards(site) || p.inherits(caller, depth+1)) {
			if cs, ok := p.callContexts(caller, depth+1); ok {
				outer = outer[:0]
				for i := range cs {
					outer = append(outer, &cs[i])
				}
			}
		}
		for _, oc := range outer {
			var bound map[*ssa.Parameter]bool
			if oc != nil {
				bound = oc.consts
			}
			consts, ok := bindArgs(site, fn, bound)
			if !ok {
				return nil, false
			}
			var at Set
			found := false
			p.analyzeIn(caller, oc).Each(func(i ssa.Instruction, held Set) {
				if i == site {
					at, found = held, true
				}
			})
			if found { // else the call is unreachable
				out = append(out, callContext{entry: translate(at, &site.Call, fn), consts: consts, unshared: unsharedParams(site, fn, &p.opts)})
			}
		}
	}
	return out, true
}

// forwards reports whether call passes a parameter of its caller as a
// boolean argument.
func forwards(call *ssa.Call) bool {
	for _, a := range call.Call.Args {
		if prm, ok := a.(*ssa.Parameter); ok && prm.Parent() == call.Parent() && apis.IsBool(prm.Type()) {
			return true
		}
	}
	return false
}

// analyzeIn returns fn's analysis in the context c, or its own when c is nil.
func (p *Package) analyzeIn(fn *ssa.Function, c *callContext) *Result {
	if c == nil {
		return p.results[fn]
	}
	return analyzeWith(&Result{Fn: fn, callees: p.results[fn].callees, entrySet: c.entry, consts: c.consts})
}

// testsParams reports whether a branch of fn or of its closures tests one
// of fn's boolean parameters.
func (p *Package) testsParams(fn *ssa.Function) bool {
	var tests func(f *ssa.Function) bool
	tests = func(f *ssa.Function) bool {
		for _, b := range f.Blocks {
			if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
				if p, _ := condParam(iff.Cond); p != nil && p.Parent() == fn {
					return true
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			if tests(anon) {
				return true
			}
		}
		return false
	}
	return tests(fn)
}

// bindArgs binds fn's boolean parameters to what call passes: a constant,
// or a parameter of the caller that bound binds; ok is false otherwise.
func bindArgs(call *ssa.Call, fn *ssa.Function, bound map[*ssa.Parameter]bool) (map[*ssa.Parameter]bool, bool) {
	if len(call.Call.Args) != len(fn.Params) {
		return nil, false
	}
	consts := make(map[*ssa.Parameter]bool)
	for i, prm := range fn.Params {
		if !apis.IsBool(prm.Type()) {
			continue
		}
		switch a := call.Call.Args[i].(type) {
		case *ssa.Const:
			if a.Value == nil {
				return nil, false
			}
			consts[prm] = constant.BoolVal(a.Value)
		case *ssa.Parameter:
			v, ok := bound[a]
			if !ok {
				return nil, false
			}
			consts[prm] = v
		default:
			return nil, false
		}
	}
	return consts, true
}

// condParam returns the parameter that cond tests, seen through negations
// and closures' free variables, and whether it is negated.
func condParam(cond ssa.Value) (*ssa.Parameter, bool) {
	v, neg := stripCond(cond)
	if prm, ok := v.(*ssa.Parameter); ok {
		return prm, neg
	}
	return nil, false
}

// succs returns the successors of b that can run: all of them, except
// after a branch on a parameter bound to a constant.
func (r *Result) succs(b *ssa.BasicBlock) []*ssa.BasicBlock {
	v, neg, bound := r.bound(b)
	if !bound {
		return b.Succs
	}
	if v != neg {
		return b.Succs[:1]
	}
	return b.Succs[1:]
}

// bound returns the truth value that r binds to the condition of the
// branch ending b (a parameter bound by a call, or a split condition), and
// whether the condition is negated there.
func (r *Result) bound(b *ssa.BasicBlock) (v, neg, ok bool) {
	if (r.consts == nil && r.split == nil) || len(b.Succs) != 2 {
		return false, false, false
	}
	iff, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !isIf {
		return false, false, false
	}
	c, neg := stripCond(iff.Cond)
	if prm, isParam := c.(*ssa.Parameter); isParam {
		if v, ok := r.consts[prm]; ok {
			return v, neg, true
		}
	}
	if r.split == nil {
		return false, false, false
	}
	v, ok = r.split[c]
	return v, neg, ok
}

// inline runs the closure fn, an anonymous function of r.Fn, with held on
// entry, the same constants and the same join, and returns the locks held
// after it. In the may-hold analysis, lock := func() { if needLock {
// mu.Lock() } } holds mu after the call on the path where needLock is
// true, as the same test written inline would.
func (r *Result) inline(fn *ssa.Function, held Set) Set {
	sub := analyzeWith(&Result{Fn: fn, callees: r.callees, entrySet: held, consts: r.consts, split: r.split, union: r.union})
	exit, ok := sub.Exit()
	if !ok {
		return held
	}
	return exit
}

// onlyTested reports whether the result of c is only used as the condition
// of branches, directly or negated: if mu.TryLock() { ... }.
func onlyTested(c *ssa.Call) bool {
	refs := c.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.If:
		case *ssa.UnOp:
			if r.Op != token.NOT {
				return false
			}
			for _, u := range *r.Referrers() {
				if _, ok := u.(*ssa.If); !ok {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// edge returns the locks held on the edge from b to its i-th successor:
// out, plus the lock a TryLock tested by b's branch took on the edge where
// it returned true.
func (r *Result) edge(b *ssa.BasicBlock, i int, out Set) Set {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || len(b.Succs) != 2 {
		return out
	}
	if _, _, bound := r.bound(b); bound {
		return out // succs kept one edge; its index is not the branch's
	}
	cond, neg := iff.Cond, false
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, neg = u.X, true
	}
	c, ok := cond.(*ssa.Call)
	if !ok {
		return out
	}
	op, mu := Classify(&c.Call)
	if (op != TryAcquire && op != TryRAcquire) || (i == 0) == neg {
		return out
	}
	return out.With(Lock{Ref: mapid.RefOf(mu), Read: op == TryRAcquire, Pos: c.Call.Pos()})
}

// contextHeld returns, for each call that fn makes, the locks held there
// in every context of fn's own calls (see AtCalls), when the locks fn holds
// depend on its boolean parameters; nil otherwise. The requirements of
// fn's callees are computed from it: nats-server's fileStore.removeMsg(…,
// needFSLock) runs fsLock := func() { if needFSLock { fs.mu.Lock() } }
// before calling removeMsgFromBlock, and every call passing false holds
// fs.mu, so removeMsgFromBlock, and the helpers below it, run under fs.mu
// on every call, though the meet of removeMsg's two paths holds nothing.
func (p *Package) contextHeld(fn *ssa.Function) map[*ssa.Call]Set {
	if !p.OnlyCalled(fn) || !p.testsParams(fn) {
		return nil
	}
	ctxs, ok := p.callContexts(fn, 0)
	if !ok || len(ctxs) == 0 {
		return nil
	}
	out := make(map[*ssa.Call]Set)
	for i := range ctxs {
		p.analyzeIn(fn, &ctxs[i]).Each(func(instr ssa.Instruction, held Set) {
			c, ok := instr.(*ssa.Call)
			if !ok {
				return
			}
			if prev, seen := out[c]; seen {
				held = prev.Meet(held)
			}
			out[c] = held
		})
	}
	return out
}

// maxResite bounds how many times a change at one call re-analyses the
// callee.
const maxResite = 8

// resite records the locks at held at the call c of cf and, when cf's
// locks depend on its boolean parameters and they changed, marks cf for
// re-analysis: its contexts (contextHeld) are computed from its callers'
// analyses, which may have lost a lock since, without changing cf's own
// requirements. Sets only shrink, so this terminates.
func (st *reqState) resite(p *Package, c *ssa.Call, cf *ssa.Function, at Set) {
	if !p.testsParams(cf) {
		return
	}
	if prev, ok := st.siteAt[c]; ok && prev.equal(at) {
		return
	}
	st.siteAt[c] = at
	if st.resited[c]++; st.resited[c] > maxResite {
		return // a bound, should the sets not shrink
	}
	if !st.dirty[cf] {
		st.dirty[cf] = true
		st.changed = true
	}
}
