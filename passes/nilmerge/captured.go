package nilmerge

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// This file carries facts about captured variables (locals that live in
// memory because a closure refers to them) over the edges of the control
// flow graph: the value such a variable holds on an edge, when the stores
// to it say so.

// storedOnEdge returns, for a load of a local variable that lives in memory
// (one captured by a closure), the value it holds on the edge from p into
// B, when that is known: the last store on p's dominator chain, with no
// other store between it and p and none after B. A fact about such a
// variable is then carried over the edge like a fact about a φ-node ("st
// != nil" where st is still its nil zero value on that edge). Otherwise it
// returns nil.
func storedOnEdge(v ssa.Value, B, p *ssa.BasicBlock) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || !mapid.OnlyLoadsAndStores(alloc) {
		return nil
	}
	// The last store on p's dominator chain, or the allocation itself,
	// which holds the zero value.
	var last ssa.Instruction
	var at int
	for x := p; x != nil && last == nil; x = x.Idom() {
		for i := len(x.Instrs) - 1; i >= 0; i-- {
			if s, ok := x.Instrs[i].(*ssa.Store); ok && s.Addr == alloc || x.Instrs[i] == alloc {
				last, at = x.Instrs[i], i
				break
			}
		}
	}
	var val ssa.Value
	switch l := last.(type) {
	case *ssa.Store:
		val = l.Val
	case *ssa.Alloc:
		val = zeroConst(l.Type().Underlying().(*types.Pointer).Elem())
	}
	if val == nil {
		return nil
	}
	S := last.Block()
	// Blocks on a path from the store to p that does not run it again,
	// and blocks reachable from B: another store there would change the
	// value between the store and the edge or between the edge and the
	// load.
	between := reach(S.Succs, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }, S)
	toP := reach([]*ssa.BasicBlock{p}, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Preds }, S)
	after := reach([]*ssa.BasicBlock{B}, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }, nil)
	for _, ref := range *alloc.Referrers() {
		s, ok := ref.(*ssa.Store)
		if !ok || ssa.Instruction(s) == last {
			continue
		}
		X := s.Block()
		if after[X] || between[X] && toP[X] {
			return nil
		}
		if X == S && slices.Index(S.Instrs, ssa.Instruction(s)) > at {
			return nil
		}
	}
	return val
}

// zeroConst returns the zero value of t as a constant, for the types whose
// zero value facts can speak of (nil, false, 0, ""), and nil otherwise.
func zeroConst(t types.Type) ssa.Value {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Signature, *types.Interface:
		return ssa.NewConst(nil, t)
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return ssa.NewConst(constant.MakeBool(false), t)
		case u.Info()&types.IsInteger != 0:
			return ssa.NewConst(constant.MakeInt64(0), t)
		case u.Info()&types.IsString != 0:
			return ssa.NewConst(constant.MakeString(""), t)
		}
	}
	return nil
}

// reach returns the blocks reachable from start through next, not entering
// stop.
func reach(start []*ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock, stop *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := slices.Clone(start)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == stop || seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, next(b)...)
	}
	return seen
}
