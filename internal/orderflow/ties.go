package orderflow

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// countedTies reports whether an arg-max loop, whose block s runs when
// the element compares strictly greater (cmp, in block b), counts the
// entries tied with the best (a carried counter set to a constant under s
// and incremented under the equality of cmp's operands), and the kept
// value h is used after the loop only where the count says none tied:
// under a test of the count that holds only for 0 or 1, in a comparison
// with a constant (is there a best at all), or in a store that the tie
// side of the count's test stores again. With several tied, the kept one,
// the first visited, is dropped: ipfs/boxo's wantInfo.calculateBestPeer
// chooses among the tied peers then. The tie side is trusted to reach its
// store: a return before it, with the first visited stored, is not seen.
func (l *loop) countedTies(cmp *ssa.BinOp, s *ssa.BasicBlock, h *ssa.Phi) bool {
	for _, c := range l.phis {
		if c != h && l.countsTies(c, cmp, s) && l.keptWithoutTies(h, c) {
			return true
		}
	}
	return false
}

// An incoming is a value a phi receives and the block it comes from.
type incoming struct {
	v    ssa.Value
	pred *ssa.BasicBlock
}

// incomings returns the values header phi c receives from the body,
// through the phis of the body's merges.
func (l *loop) incomings(p *ssa.Phi, depth int) []incoming {
	var out []incoming
	for j, e := range p.Edges {
		pred := p.Block().Preds[j]
		if !l.body[pred] {
			continue
		}
		if q, ok := e.(*ssa.Phi); ok && l.body[q.Block()] && q.Block() != l.header && depth < 4 {
			out = append(out, l.incomings(q, depth+1)...)
			continue
		}
		out = append(out, incoming{e, pred})
	}
	return out
}

// countsTies reports whether header phi c is set to a constant under s
// and incremented by one under the equality of cmp's operands.
func (l *loop) countsTies(c *ssa.Phi, cmp *ssa.BinOp, s *ssa.BasicBlock) bool {
	reset, counted := false, false
	for _, in := range l.incomings(c, 0) {
		switch v := in.v.(type) {
		case *ssa.Const:
			reset = reset || s.Dominates(in.pred)
		case *ssa.BinOp:
			one := v.Op == token.ADD && (v.X == c && isOne(v.Y) || v.Y == c && isOne(v.X))
			counted = counted || one && l.underEqual(in.pred, cmp)
		}
	}
	return reset && counted
}

func isOne(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(k.Value)
	return exact && n == 1
}

// underEqual reports whether body block b runs only where cmp's operands
// are equal.
func (l *loop) underEqual(b *ssa.BasicBlock, cmp *ssa.BinOp) bool {
	for _, f := range l.guards[b] {
		eq, ok := f.cond.(*ssa.BinOp)
		if !ok || !f.taken || eq.Op != token.EQL {
			continue
		}
		if sameValue(eq.X, cmp.X, 0) && sameValue(eq.Y, cmp.Y, 0) || sameValue(eq.X, cmp.Y, 0) && sameValue(eq.Y, cmp.X, 0) {
			return true
		}
	}
	return false
}

// keptWithoutTies reports whether every use of h after the loop is under
// a test of the count c that holds only for 0 or 1, a comparison with a
// constant, or a store that a block under the other side of such a test
// stores again; and there is such a test.
func (l *loop) keptWithoutTies(h, c *ssa.Phi) bool {
	var noTie, tie []*ssa.BasicBlock
	for _, r := range *c.Referrers() {
		if b := r.Block(); b == nil || l.body[b] || b == l.header {
			continue
		}
		if t, f, ok := countTest(r, c); ok {
			noTie, tie = append(noTie, t), append(tie, f)
		}
	}
	if len(noTie) == 0 {
		return false
	}
	for _, r := range *h.Referrers() {
		b := r.Block()
		if b == nil || l.body[b] || b == l.header {
			continue
		}
		if _, ok := r.(*ssa.DebugRef); ok || dominatedBy(b, noTie) {
			continue
		}
		if cmp, ok := r.(*ssa.BinOp); ok && (cmp.Op == token.EQL || cmp.Op == token.NEQ) && (isConst(cmp.X) || isConst(cmp.Y)) {
			continue // a best at all, or none
		}
		if st, ok := r.(*ssa.Store); ok && st.Val == h && storedAgain(st.Addr, tie) {
			continue
		}
		return false
	}
	return true
}

func dominatedBy(b *ssa.BasicBlock, heads []*ssa.BasicBlock) bool {
	for _, d := range heads {
		if d.Dominates(b) {
			return true
		}
	}
	return false
}

// storedAgain reports whether a block that one of heads dominates stores
// to the same address as addr.
func storedAgain(addr ssa.Value, heads []*ssa.BasicBlock) bool {
	for _, d := range heads {
		for _, b := range d.Parent().Blocks {
			if !d.Dominates(b) {
				continue
			}
			for _, in := range b.Instrs {
				if st, ok := in.(*ssa.Store); ok && sameValue(st.Addr, addr, 0) {
					return true
				}
			}
		}
	}
	return false
}

// countTest returns, when r is the condition of an If comparing count c
// with a constant, the successor where c is at most 1 (no tie) and the
// other one.
func countTest(r ssa.Instruction, c *ssa.Phi) (noTie, tie *ssa.BasicBlock, ok bool) {
	cmp, isBin := r.(*ssa.BinOp)
	if !isBin {
		return nil, nil, false
	}
	op, k := cmp.Op, cmp.Y
	if cmp.Y == c {
		op, k = apis.Mirror(op), cmp.X
	} else if cmp.X != c {
		return nil, nil, false
	}
	kc, isK := k.(*ssa.Const)
	if !isK || kc.Value == nil || kc.Value.Kind() != constant.Int {
		return nil, nil, false
	}
	n, exact := constant.Int64Val(kc.Value)
	if !exact {
		return nil, nil, false
	}
	var onTrue bool
	switch {
	case op == token.LEQ && n <= 1, op == token.LSS && n <= 2, op == token.EQL && n <= 1:
		onTrue = true
	case op == token.GTR && n <= 1, op == token.GEQ && n <= 2, op == token.NEQ && n <= 1:
		onTrue = false
	default:
		return nil, nil, false
	}
	b := cmp.Block()
	ifs, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !isIf || ifs.Cond != cmp {
		return nil, nil, false
	}
	t, f := b.Succs[0], b.Succs[1]
	if len(t.Preds) != 1 || len(f.Preds) != 1 {
		return nil, nil, false
	}
	if onTrue {
		return t, f, true
	}
	return f, t, true
}
