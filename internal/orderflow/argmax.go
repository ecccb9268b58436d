package orderflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// argMax records the maximum (or minimum) picks whose ties go to whichever
// entry the loop visits first: a comparison of the element with a
// variable carried across iterations, strict or not, guarding a block that
// keeps something else of the element (its key, the element itself when
// the comparison is on one of its fields) in a variable used after the
// loop. A tie-break (v > best || v == best && k < bestKey) makes the
// guarded block reachable from two conditions, and silences it; so does
// keeping only the compared value (a max is the same in any order), and
// counting the ties to use the kept one only when there are none
// (ties.go). A comparison of live state (live) is no order-dependent pick.
func (l *loop) argMax() {
	if l.header == nil {
		return // a yield function: nothing is carried in phis
	}
	for b := range l.body {
		ifs, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifs.Cond.(*ssa.BinOp)
		if !ok {
			continue
		}
		switch cmp.Op {
		case token.GTR, token.GEQ, token.LSS, token.LEQ:
		default:
			continue
		}
		elem, other := cmp.X, cmp.Y
		if !l.derived[elem] {
			elem, other = other, elem
		}
		if !l.derived[elem] || l.derived[other] || !l.fromCarried(other) || l.distinctUnder(b, elem) || live(elem) {
			continue
		}
		for _, s := range b.Succs {
			if len(s.Preds) != 1 || !l.body[s] {
				continue
			}
			if h := l.keptUnder(s, elem); h != nil {
				if !l.countedTies(cmp, s, h) {
					l.add(ArgMaxTie, cmp.Pos(), name(h))
				}
				break
			}
		}
	}
}

// live reports whether the compared value elem is state that other
// goroutines change while the loop runs: an atomic load (a LiveLoad row of
// internal/apis), or the result of a static call of a function that takes
// a lock or loads atomically itself (IBM/sarama's LeastLoadedBroker compares
// broker.ResponseSize(), which counts the pending responses under the
// broker's lock). Which of several equally loaded entries wins then
// depends on timing as much as on the visiting order, and any of them is
// the pick a load balancer wants; a ranking on data the loop reads as it
// is (a score kept in the map) stays a pick with ties.
func live(elem ssa.Value) bool {
	if c, ok := elem.(*ssa.Convert); ok {
		elem = c.X
	}
	call, ok := elem.(*ssa.Call)
	if !ok {
		return false
	}
	if _, ok := apis.Of(&call.Call, apis.LiveLoad); ok {
		return true
	}
	callee := apis.StaticCallee(&call.Call)
	if callee == nil {
		return false
	}
	for _, b := range callee.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, role := range []apis.Role{apis.Lock, apis.RLock, apis.LiveLoad} {
				if _, ok := apis.Of(c.Common(), role); ok {
					return true
				}
			}
		}
	}
	return false
}

// distinctUnder reports whether the compared value elem differs between
// any two entries that reach block b, so that none tie: elem is the
// length of the loop's key (or of the key with constant text around it),
// and b runs only where that key, with constant text around it, is an
// affix (an Affix row of internal/apis: strings.HasSuffix) of a string
// not computed from the entry nor carried across iterations. Two
// suffixes (or prefixes) of one string with the same length are the same
// string, and a map's keys are distinct: go-getter's longest matching
// extension, if strings.HasSuffix(u.Path, "."+k) && len(k) > matchingLen.
// The loop is trusted not to change the string it matches against.
func (l *loop) distinctUnder(b *ssa.BasicBlock, elem ssa.Value) bool {
	n, ok := elem.(*ssa.Call)
	if !ok || l.key == nil {
		return false
	}
	if bi, ok := n.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "len" || stripText(n.Call.Args[0]) != l.key {
		return false
	}
	for _, f := range l.guards[b] {
		cond, taken := f.cond, f.taken
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
			cond, taken = u.X, !taken
		}
		call, ok := cond.(*ssa.Call)
		if !ok || !taken {
			continue
		}
		row, ok := apis.Of(&call.Call, apis.Affix)
		if !ok || row.Arg != 1 || len(call.Call.Args) != 2 {
			continue
		}
		whole := call.Call.Args[0]
		if stripText(call.Call.Args[1]) == l.key && !l.derived[whole] && !l.fromCarried(whole) {
			return true
		}
	}
	return false
}

// stripText returns v without the constant text concatenated to it and
// the conversions around it ("."+k, []byte(k) are k).
func stripText(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.BinOp:
			switch {
			case x.Op != token.ADD:
				return v
			case isConst(x.X):
				v = x.Y
			case isConst(x.Y):
				v = x.X
			default:
				return v
			}
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

func isConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok
}

// fromCarried reports whether v is computed from a variable carried
// across iterations (a header phi): best, or counts[bestKey].
func (l *loop) fromCarried(v ssa.Value) bool {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Phi:
			return x.Block() == l.header
		case *ssa.UnOp:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.Lookup:
			v = x.Index
		default:
			return false
		}
	}
	return false
}

// keptUnder returns a header phi, used after the loop, that receives a
// value derived from the element (other than compared, the value the
// comparison used) on a path through block s; or nil.
func (l *loop) keptUnder(s *ssa.BasicBlock, compared ssa.Value) *ssa.Phi {
	for _, h := range l.phis {
		if !l.usedAfter(h) {
			continue
		}
		if l.assignedUnder(h, s, compared, 0) {
			return h
		}
	}
	return nil
}

// assignedUnder reports whether phi p (the header's, or a merge in the
// body) receives, on an edge from a block under s, a value derived from
// the element other than compared, and a different value on an edge from
// a block not under s: the variable is assigned under the comparison
// (who = k), not merely computed on every path (total += v).
func (l *loop) assignedUnder(p *ssa.Phi, s *ssa.BasicBlock, compared ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for j, e := range p.Edges {
		pred := p.Block().Preds[j]
		if !l.body[pred] {
			continue
		}
		if q, ok := e.(*ssa.Phi); ok && l.body[q.Block()] && q.Block() != l.header {
			if l.assignedUnder(q, s, compared, depth+1) {
				return true
			}
			continue
		}
		if !l.derived[e] || !s.Dominates(pred) || sameValue(e, compared, 0) || l.arrivesOutside(p, e, s) {
			continue
		}
		for i, o := range p.Edges {
			if i != j && l.body[p.Block().Preds[i]] && !s.Dominates(p.Block().Preds[i]) && o != e {
				return true
			}
		}
	}
	return false
}

// arrivesOutside reports whether the value e also reaches phi p on an
// edge from a body block not under s: computed before the comparison and
// passed on whichever way it goes (totFiles += n; if size > max {...}),
// not assigned under it. SSA threads an empty else branch straight to the
// loop's header, so such a value arrives both from s and from the
// comparison's block.
func (l *loop) arrivesOutside(p *ssa.Phi, e ssa.Value, s *ssa.BasicBlock) bool {
	for i, o := range p.Edges {
		if pred := p.Block().Preds[i]; o == e && l.body[pred] && !s.Dominates(pred) {
			return true
		}
	}
	return false
}

// usedAfter reports whether header phi h is read outside the loop.
func (l *loop) usedAfter(h *ssa.Phi) bool {
	for _, r := range *h.Referrers() {
		if b := r.Block(); b != nil && !l.body[b] && b != l.header {
			return true
		}
	}
	return false
}
