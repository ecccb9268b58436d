package lockset

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// A function that takes a lock under a condition and makes the access
// under the same condition further on holds the lock there, though the
// must-hold join after the first branch does not:
//
//	if isRecovering { mset.mu.Lock() }     // nats-server applyStreamEntries
//	...
//	if isRecovering { mset.skipBatchIfRecovering(…); mset.mu.Unlock() }
//
//	cacheEnabled := s.cache != nil          // nats-server Sublist.match
//	if cacheEnabled { s.Lock() } else { s.RLock() }
//	...
//	if cacheEnabled { s.cache[subject] = result }
//
// An SSA value is defined once and, outside a loop, keeps its value for
// the whole call: the function is analysed once per truth value of each
// such condition (maxSplit at most), pruning the branches the value rules
// out, and a lock counts at an instruction when it is held in every
// analysis that reaches it.

// maxSplit bounds the conditions a function is split on (2^maxSplit
// analyses).
const maxSplit = 3

// splitConds returns the boolean values that r.Fn tests in two branches or
// more, that decide a lock operation (a block right after one of the
// branches locks or unlocks), that keep one value per call (a parameter,
// or a value defined outside any loop), and that r does not bind already.
func splitConds(r *Result) []ssa.Value {
	// The branches on each value, values in the order they are first
	// tested. Most functions test no value twice: locksIn, which asks the
	// API table about every call of a block, is asked only about the
	// blocks after a value tested twice or more, and the map is made only
	// for a function that branches.
	var order []ssa.Value
	var branches map[ssa.Value][]*ssa.BasicBlock
	for _, b := range r.Fn.Blocks {
		v := condValue(b)
		if v == nil {
			continue
		}
		if _, bound := r.consts[asParam(v)]; bound {
			continue
		}
		if _, bound := r.split[v]; bound {
			continue
		}
		if branches == nil {
			branches = make(map[ssa.Value][]*ssa.BasicBlock)
		}
		if _, seen := branches[v]; !seen {
			order = append(order, v)
		}
		branches[v] = append(branches[v], b)
	}
	var out []ssa.Value
	for _, v := range order {
		if bs := branches[v]; len(bs) >= 2 && locksAfter(bs) && onceValued(v) && len(out) < maxSplit {
			out = append(out, v)
		}
	}
	return out
}

// locksAfter reports whether a block right after one of the branches
// ending blocks locks or unlocks (see locksIn).
func locksAfter(blocks []*ssa.BasicBlock) bool {
	for _, b := range blocks {
		for _, s := range b.Succs {
			if locksIn(s) {
				return true
			}
		}
	}
	return false
}

// condValue returns the value that the branch ending b tests, seen
// through negations, a spilled parameter and a closure's free variable
// (whose binding in the enclosing function is the value), or nil.
func condValue(b *ssa.BasicBlock) ssa.Value {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return nil
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	v, _ := stripCond(iff.Cond)
	return v
}

// stripCond returns the value cond stands for, seen through negations,
// closures' free variables and the load of a spilled parameter, and
// whether it is negated; nil for a constant.
func stripCond(cond ssa.Value) (ssa.Value, bool) {
	neg := false
	for {
		switch v := cond.(type) {
		case *ssa.UnOp:
			if v.Op == token.MUL {
				if prm := mapid.SpilledParam(v.X); prm != nil {
					return prm, neg
				}
			}
			if v.Op != token.NOT {
				return cond, neg
			}
			neg, cond = !neg, v.X
		case *ssa.FreeVar:
			b := mapid.Binding(v)
			if b == nil {
				return cond, neg
			}
			cond = b
		case *ssa.Const:
			return nil, false
		default:
			return cond, neg
		}
	}
}

func asParam(v ssa.Value) *ssa.Parameter {
	p, _ := v.(*ssa.Parameter)
	return p
}

// locksIn reports whether b calls a lock or unlock operation, or a
// closure of its function (lock := func() { … }).
func locksIn(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		c, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		if op, _ := Classify(&c.Call); op != None {
			return true
		}
		if f := c.Call.StaticCallee(); f != nil && f.Parent() == b.Parent() {
			return true
		}
	}
	return false
}

// onceValued reports whether v has one value per call of its function: a
// parameter, or a value whose block is not in a loop.
func onceValued(v ssa.Value) bool {
	instr, ok := v.(ssa.Instruction)
	if !ok {
		_, isParam := v.(*ssa.Parameter)
		return isParam
	}
	b := instr.Block()
	return b != nil && !goroutine.InCycle(b)
}

// splitOn analyses r.Fn once per assignment of truth values to conds and
// makes r the meet of those analyses (see Each).
func (r *Result) splitOn(conds []ssa.Value) *Result {
	for mask := range 1 << len(conds) {
		split := make(map[ssa.Value]bool, len(conds)+len(r.split))
		for v, b := range r.split {
			split[v] = b
		}
		for i, v := range conds {
			split[v] = mask&(1<<i) != 0
		}
		part := solve(&Result{Fn: r.Fn, callees: r.callees, entrySet: r.entrySet, consts: r.consts, split: split})
		r.parts = append(r.parts, part)
	}
	r.combine()
	return r
}

// combine sets what r records from its parts: the exit is held in every
// part that returns, a foreign unlock or a TryLock in any part counts,
// and a block's entry, or what a deferred call runs under, is the meet of
// the parts that reach it.
func (r *Result) combine() {
	n := len(r.Fn.Blocks)
	r.entry, r.seen = make([]Set, n), make([]bool, n)
	for _, part := range r.parts {
		if part.hasExit {
			if r.hasExit {
				r.exit = r.exit.Meet(part.exit)
			} else {
				r.exit, r.hasExit = part.exit, true
			}
		}
		r.TryLocks = r.TryLocks || part.TryLocks
		r.defers = part.defers
		for d, held := range part.deferAt {
			if r.deferAt == nil {
				r.deferAt = make(map[*ssa.Defer]Set)
			}
			if prev, ok := r.deferAt[d]; ok {
				held = prev.Meet(held)
			}
			r.deferAt[d] = held
		}
		r.released = append(r.released, part.released...)
		r.releasedAt = append(r.releasedAt, part.releasedAt...)
		for i := range n {
			if part.seen == nil || !part.seen[i] {
				continue
			}
			if r.seen[i] {
				r.entry[i] = r.entry[i].Meet(part.entry[i])
			} else {
				r.entry[i], r.seen[i] = part.entry[i], true
			}
		}
	}
}

// eachPart calls visit for every instruction that some part reaches,
// with the locks held there in every part that reaches it.
func (r *Result) eachPart(visit func(instr ssa.Instruction, held Set)) {
	at := make(map[ssa.Instruction]Set)
	for _, part := range r.parts {
		part.Each(func(instr ssa.Instruction, held Set) {
			if prev, ok := at[instr]; ok {
				held = prev.Meet(held)
			}
			at[instr] = held
		})
	}
	for _, b := range r.Fn.Blocks {
		for _, instr := range b.Instrs {
			if held, ok := at[instr]; ok {
				visit(instr, held)
			}
		}
	}
}
