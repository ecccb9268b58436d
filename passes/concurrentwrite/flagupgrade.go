package concurrentwrite

import (
	"go/constant"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// A function that upgrades its read lock on one path, and remembers so in
// a flag it tests before writing, writes holding the write lock, though
// the must-hold join after the upgrade holds only the read lock (btcd's
// handleGetCFCheckpt, unseen round 7):
//
//	s.mu.RLock()
//	var update bool
//	if grow {
//		s.mu.RUnlock()
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		if stillGrow { update = true }
//	} else {
//		defer s.mu.RUnlock()
//	}
//	…
//	if update { s.caches[k] = v } // under s.mu.Lock
//
// The flag is an SSA φ of constants: it is true only on the edges where a
// true constant flows in, and the write runs only where the branch on it
// found it true. When every such edge leaves a block holding the lock for
// writing, and no block on the way from those edges to the write locks or
// unlocks it, the write holds the write lock.

// upgradedByFlag reports whether the write a, which holds l only for
// reading as far as the must-hold analysis sees, runs only on paths where
// a flag it tests says l was taken for writing.
func (ck *checker) upgradedByFlag(a *access, l lockset.Lock) bool {
	r := ck.lp.Result(a.fn)
	if r == nil {
		return false
	}
	for _, flag := range testedTrueBefore(a.Instr) {
		edges, ok := trueEdges(flag, make(map[*ssa.Phi]bool))
		if !ok || len(edges) == 0 {
			continue
		}
		if ck.writeLockedOn(r, edges, a.Instr, l.Ref) {
			return true
		}
	}
	return false
}

// testedTrueBefore returns the bool φs whose true branch dominates instr
// (if flag { … instr … }).
func testedTrueBefore(instr ssa.Instruction) []*ssa.Phi {
	var out []*ssa.Phi
	b := instr.Block()
	for _, d := range b.Parent().Blocks {
		if len(d.Succs) != 2 || d == b {
			continue
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		phi, ok := iff.Cond.(*ssa.Phi)
		if !ok || goroutine.InCycle(phi.Block()) {
			continue
		}
		// The true successor must be entered only from d, and dominate
		// the access.
		t := d.Succs[0]
		if len(t.Preds) == 1 && t.Dominates(b) {
			out = append(out, phi)
		}
	}
	return out
}

// A flagEdge is an edge of the CFG on which a flag becomes true.
type flagEdge struct{ from, to *ssa.BasicBlock }

// trueEdges returns the edges on which the bool φ flag takes a true
// constant, through the φs it is made of; ok is false when some edge brings
// a value that is not a constant or such a φ.
func trueEdges(flag *ssa.Phi, seen map[*ssa.Phi]bool) (edges []flagEdge, ok bool) {
	if seen[flag] || !apis.IsBool(flag.Type()) {
		return nil, false
	}
	seen[flag] = true
	for i, v := range flag.Edges {
		switch v := v.(type) {
		case *ssa.Const:
			if v.Value != nil && v.Value.Kind() == constant.Bool && constant.BoolVal(v.Value) {
				edges = append(edges, flagEdge{flag.Block().Preds[i], flag.Block()})
			}
		case *ssa.Phi:
			if goroutine.InCycle(v.Block()) {
				return nil, false
			}
			more, ok := trueEdges(v, seen)
			if !ok {
				return nil, false
			}
			edges = append(edges, more...)
		default:
			return nil, false
		}
	}
	return edges, true
}

// writeLockedOn reports whether every edge holds the lock mu for writing
// at its source's end, and no block between an edge and the block of
// instr (both included) locks or unlocks mu other than by a deferred call.
func (ck *checker) writeLockedOn(r *lockset.Result, edges []flagEdge, instr ssa.Instruction, mu mapid.Ref) bool {
	ends := make(map[ssa.Instruction]bool, len(edges))
	for _, e := range edges {
		ends[e.from.Instrs[len(e.from.Instrs)-1]] = true
	}
	held := make(map[ssa.Instruction]lockset.Set, len(ends))
	r.Each(func(i ssa.Instruction, h lockset.Set) {
		if ends[i] {
			held[i] = h
		}
	})
	target := instr.Block()
	for _, e := range edges {
		h, ok := held[e.from.Instrs[len(e.from.Instrs)-1]]
		if !ok || !h.Holds(mu, false) {
			return false
		}
		for _, b := range target.Parent().Blocks {
			if goroutine.Reaches(e.to, b) && goroutine.Reaches(b, target) && locksMu(b, mu, instr) {
				return false
			}
		}
	}
	return true
}

// locksMu reports whether b calls a lock operation on mu (deferred calls
// aside: they run at the return), before stop when b holds it.
func locksMu(b *ssa.BasicBlock, mu mapid.Ref, stop ssa.Instruction) bool {
	for _, i := range b.Instrs {
		if i == stop {
			return false
		}
		c, ok := i.(*ssa.Call)
		if !ok {
			continue
		}
		if op, v := lockset.Classify(&c.Call); op != lockset.None && mapid.RefOf(v).Equal(mu) {
			return true
		}
	}
	return false
}
