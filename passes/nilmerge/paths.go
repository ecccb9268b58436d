package nilmerge

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// This file holds what the search knows about the shape of paths: the
// facts that branches establish on edges and on the blocks they dominate,
// the entries of loops, and the blocks that never fall through because
// they call a function that does not return.

// edgeFacts returns the facts that hold on the edge from p to B because of
// the branch that ends p.
func edgeFacts(p, B *ssa.BasicBlock) []fact {
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return nil
	}
	return implies(ifi.Cond, p.Succs[0] == B)
}

// domFacts returns the facts that hold on entry to b because of the branches
// that every path to b takes.
func domFacts(a *checker, b *ssa.BasicBlock) []fact {
	var out []fact
	for x := b; x != nil; x = x.Idom() {
		p := a.singleLivePred(x)
		if p == nil {
			p = a.loopEntry(x)
		}
		if p == nil {
			continue
		}
		out = append(out, edgeFacts(p, x)...)
	}
	return out
}

// loopEntry returns the only live predecessor of the loop header b that is
// not a back edge, or nil. The branch taken into the loop from there tests
// values computed before the loop, so its facts hold on every iteration:
// "if flag { for ...; ... { m[k] = v } }", where the loop header is the
// branch's target.
func (a *checker) loopEntry(b *ssa.BasicBlock) *ssa.BasicBlock {
	var only *ssa.BasicBlock
	for _, p := range b.Preds {
		if a.dead(p) || b.Dominates(p) {
			continue
		}
		if only != nil {
			return nil
		}
		only = p
	}
	if only == nil || only == b || !isLoopHeader(b) {
		return nil
	}
	return only
}

// singleLivePred returns the only predecessor of b that does not end the
// program, or nil.
func (a *checker) singleLivePred(b *ssa.BasicBlock) *ssa.BasicBlock {
	var only *ssa.BasicBlock
	for _, p := range b.Preds {
		if a.dead(p) {
			continue
		}
		if only != nil {
			return nil
		}
		only = p
	}
	return only
}

// dead reports whether b never falls through: it calls a function that
// does not return (log.Fatal, os.Exit, t.Fatal, or a function of this
// package that never returns).
func (a *checker) dead(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		call, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		if a.noReturn(&call.Call) {
			return true
		}
	}
	return false
}

// noReturn reports whether c never returns: a row of the API table, a
// function whose body (or its package's facts) shows it, as the ctrlflow
// analyzer computes, or a function the user named in -nilmerge.noreturn
// (a logger interface's Fatal, say, that no table can know).
func (a *checker) noReturn(c *ssa.CallCommon) bool {
	if apis.NeverReturns(a.cfgs, c) {
		return true
	}
	if len(a.noReturnIDs) == 0 {
		return false
	}
	pkg, typ, name := apis.Identity(apis.Callee(c))
	id := pkg + "." + name
	if typ != "" {
		id = pkg + "." + typ + "." + name
	}
	return slices.Contains(a.noReturnIDs, id)
}

// isLoopHeader reports whether b has a back edge.
func isLoopHeader(b *ssa.BasicBlock) bool {
	for _, p := range b.Preds {
		if b.Dominates(p) {
			return true
		}
	}
	return false
}
