package concurrentwrite

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// A function of the package that runs a function value it receives in a
// parameter in goroutines started in a loop (helm's batchPerform: go
// func(i) { errs <- fn(i) }(info) per resource) runs whatever its callers
// pass there in many goroutines at once: each call that passes a function
// or closure, directly or through a parameter of its own that its callers
// bind in turn (perform handing fn to go batchPerform(infos, fn, errs)),
// starts copies of it. Only the copies are paired (a write every copy
// makes to one map): whether the caller's own code after the call overlaps
// them depends on whether the runner waits, which the call does not show.

// maxParamHops bounds how far up the callers a function value is followed
// from the parameter that a spawner runs.
const maxParamHops = 4

// A paramRun is a parameter of fn whose function value runs in many
// goroutines, each started by a spawn of runner (of kind).
type paramRun struct {
	fn     *ssa.Function
	param  *ssa.Parameter
	runner *ssa.Function
	kind   goroutine.Kind
	hops   int
}

// paramSpawns returns the spawns of the functions and closures that the
// package passes to parameters its functions run in many goroutines.
func (ck *checker) paramSpawns(fns []*ssa.Function) []*spawn {
	var work []paramRun
	for _, fn := range fns {
		work = append(work, ck.runParams(fn)...)
	}
	if len(work) == 0 {
		return nil
	}
	callers := callSites(fns)
	var out []*spawn
	seen := make(map[[2]ssa.Value]bool)
	for len(work) > 0 {
		pr := work[len(work)-1]
		work = work[:len(work)-1]
		i := paramIndex(pr.fn, pr.param)
		for _, cs := range callers[pr.fn] {
			c := cs.Common()
			if i >= len(c.Args) || seen[[2]ssa.Value{c.Value, c.Args[i]}] {
				continue
			}
			seen[[2]ssa.Value{c.Value, c.Args[i]}] = true
			arg := c.Args[i]
			if p, ok := arg.(*ssa.Parameter); ok && pr.hops < maxParamHops {
				work = append(work, paramRun{fn: p.Parent(), param: p, runner: pr.runner, kind: pr.kind, hops: pr.hops + 1})
				continue
			}
			g, bound := goroutine.Target(arg)
			if g == nil || len(g.Blocks) == 0 || ck.lp.Result(g) == nil {
				continue
			}
			out = append(out, &spawn{
				Spawn:  &goroutine.Spawn{Instr: cs, Kind: pr.kind, Fn: g, Args: padArgs(g, bound), Many: true},
				parent: cs.Parent(),
				runner: pr.runner,
			})
		}
	}
	return out
}

// runParams returns the parameters of fn whose function values run, with
// no lock held, in goroutines that fn starts in a loop: go p(x), or a
// goroutine whose function calls p (a free variable or argument bound to
// it).
func (ck *checker) runParams(fn *ssa.Function) []paramRun {
	var out []paramRun
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok || !goroutine.InCycle(b) || !goroutine.After(g, g) {
				continue
			}
			if p := ownParam(fn, g.Call.Value); p != nil {
				out = append(out, paramRun{fn: fn, param: p, runner: fn, kind: goroutine.Go})
			}
		}
	}
	for _, s := range ck.spawnsOf(fn) {
		if !s.Many || s.Kind == goroutine.Handler {
			continue
		}
		res := ck.lp.Result(s.Fn)
		if res == nil {
			continue
		}
		res.Each(func(instr ssa.Instruction, held lockset.Set) {
			c, ok := instr.(*ssa.Call)
			if !ok || held.Len() > 0 || res.MayHold(instr).Len() > 0 {
				return
			}
			if p := boundParam(fn, s, c.Call.Value); p != nil {
				out = append(out, paramRun{fn: fn, param: p, runner: fn, kind: s.Kind})
			}
		})
	}
	return out
}

// ownParam returns v as a parameter of fn.
func ownParam(fn *ssa.Function, v ssa.Value) *ssa.Parameter {
	if p, ok := v.(*ssa.Parameter); ok && p.Parent() == fn {
		return p
	}
	return nil
}

// boundParam returns the parameter of the spawner fn that the value v,
// called in the goroutine function of s, holds: a free variable of the
// closure bound to it, or a parameter of the goroutine's function that the
// spawn binds to it.
func boundParam(fn *ssa.Function, s *goroutine.Spawn, v ssa.Value) *ssa.Parameter {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	switch v := v.(type) {
	case *ssa.FreeVar:
		if v.Parent() != s.Fn {
			return nil
		}
		if p := ownParam(fn, mapid.Binding(v)); p != nil {
			return p // captured by value
		}
		return ownParam(fn, mapid.StoredOnce(v)) // the variable's one value
	case *ssa.Parameter:
		if i := paramIndex(s.Fn, v); i >= 0 && i < len(s.Args) {
			return ownParam(fn, s.Args[i])
		}
	}
	return nil
}

// callSites returns the calls, go and defer statements of fns by their
// static callee.
func callSites(fns []*ssa.Function) map[*ssa.Function][]ssa.CallInstruction {
	out := make(map[*ssa.Function][]ssa.CallInstruction)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						out[callee] = append(out[callee], c)
					}
				}
			}
		}
	}
	return out
}
