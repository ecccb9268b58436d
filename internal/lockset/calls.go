package lockset

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

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
// ok is false when fn is not only called statically, or a call passes a
// value that is not a constant for a boolean parameter that a branch of fn
// (or of one of its closures) tests: the answer would be a guess.
func (p *Package) AtCalls(fn *ssa.Function, instr ssa.Instruction) (sets []Set, ok bool) {
	if !p.OnlyCalled(fn) || !p.testsParams(fn) {
		return nil, false
	}
	for _, site := range p.sites[fn] {
		consts, ok := constArgs(site, fn)
		if !ok {
			return nil, false
		}
		caller := p.results[site.Parent()]
		if caller == nil {
			return nil, false
		}
		var at Set
		found := false
		caller.Each(func(i ssa.Instruction, held Set) {
			if i == site {
				at, found = held, true
			}
		})
		if !found {
			continue // the call is unreachable
		}
		entry := translate(at, &site.Call, fn)
		r := analyzeWith(&Result{Fn: fn, callees: p.results[fn].callees, entrySet: entry, consts: consts})
		r.Each(func(i ssa.Instruction, held Set) {
			if i == instr {
				sets = append(sets, held)
			}
		})
	}
	return sets, true
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

// constArgs binds fn's boolean parameters to the constants that call
// passes; ok is false when one of them is not a constant.
func constArgs(call *ssa.Call, fn *ssa.Function) (map[*ssa.Parameter]bool, bool) {
	if len(call.Call.Args) != len(fn.Params) {
		return nil, false
	}
	consts := make(map[*ssa.Parameter]bool)
	for i, prm := range fn.Params {
		if b, ok := prm.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			continue
		}
		c, ok := call.Call.Args[i].(*ssa.Const)
		if !ok || c.Value == nil {
			return nil, false
		}
		consts[prm] = constant.BoolVal(c.Value)
	}
	return consts, true
}

// condParam returns the parameter that cond tests, seen through negations
// and closures' free variables, and whether it is negated.
func condParam(cond ssa.Value) (*ssa.Parameter, bool) {
	neg := false
	for {
		switch v := cond.(type) {
		case *ssa.UnOp:
			if prm := mapid.SpilledParam(v.X); prm != nil && v.Op == token.MUL {
				return prm, neg
			}
			if v.Op != token.NOT {
				return nil, false
			}
			neg, cond = !neg, v.X
		case *ssa.FreeVar:
			b := mapid.Binding(v)
			if b == nil {
				return nil, false
			}
			cond = b
		case *ssa.Parameter:
			return v, neg
		default:
			return nil, false
		}
	}
}

// succs returns the successors of b that can run: all of them, except
// after a branch on a parameter bound to a constant.
func (r *Result) succs(b *ssa.BasicBlock) []*ssa.BasicBlock {
	if r.consts == nil || len(b.Succs) != 2 {
		return b.Succs
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return b.Succs
	}
	prm, neg := condParam(iff.Cond)
	v, bound := r.consts[prm]
	if prm == nil || !bound {
		return b.Succs
	}
	if v != neg {
		return b.Succs[:1]
	}
	return b.Succs[1:]
}

// inline runs the closure fn, an anonymous function of r.Fn, with held on
// entry and the same constants, and returns the locks held after it.
func (r *Result) inline(fn *ssa.Function, held Set) Set {
	sub := analyzeWith(&Result{Fn: fn, callees: r.callees, entrySet: held, consts: r.consts})
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
	if r.consts != nil {
		if prm, _ := condParam(iff.Cond); prm != nil {
			if _, bound := r.consts[prm]; bound {
				return out // succs kept one edge; its index is not the branch's
			}
		}
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
