package nilmerge

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// This file finds the surest nil there is: a write on a path where the
// program itself has just tested the map and found it nil,
//
//	if m == nil {
//		m[k] = v // write to map m, which is nil here: tested nil at x.go:3
//	}
//
// or "if m != nil { return }; m[k] = v". The map may be anything the test
// and the write both read — a parameter, a result, a field — provided
// nothing between the test and the write can change it (see unchanged).

// nilTested returns the origin of a nil that the path facts of one of w's
// contexts assert about its map, and nil when none does.
func (a *checker) nilTested(w *write) *origin {
	// Only tests that dominate the write: an alternative at a join may be
	// infeasible through a variable correlated with the map (go/types'
	// check_test.go: errList is empty exactly when filemap is nil).
	facts := domFacts(a, w.instr.Block())
	if consistent(facts) {
		for _, f := range facts {
			if f.k != isNil || !sameValue(f.v, w.m, 4) || !unchanged(f.v, w.m, w.instr) {
				continue
			}
			return &origin{pos: nilComparison(f.v), why: "tested nil", kind: fromTest}
		}
	}
	return nil
}

// unchanged reports whether tested and written, which sameValue equates,
// hold the same map at the write: they are one SSA value, or two loads of
// one location with no store or call between them on the way back from the
// write to the test (a call may assign the location; a block with several
// predecessors ends the walk, so the answer errs towards false).
func unchanged(tested, written ssa.Value, at ssa.Instruction) bool {
	if tested == written {
		return true
	}
	t, ok := tested.(*ssa.UnOp)
	if !ok || t.Op != token.MUL {
		return false
	}
	return walkBack(at.Block(), indexOf(at.Block(), at), func(instr ssa.Instruction) (found, done bool) {
		if u, ok := instr.(*ssa.UnOp); ok && u == t {
			return true, true
		}
		_, store := instr.(*ssa.Store)
		return false, store || mayWrite(instr)
	})
}

// walkBack visits the instructions of b from index i backwards, then those
// of its predecessor while there is exactly one (at most 500 blocks), until
// visit says it is done, and returns visit's answer; false when the chain
// ends first.
func walkBack(b *ssa.BasicBlock, i int, visit func(ssa.Instruction) (found, done bool)) bool {
	for steps := 0; steps < 500; steps++ {
		for ; i >= 0; i-- {
			if found, done := visit(b.Instrs[i]); done {
				return found
			}
		}
		if len(b.Preds) != 1 {
			return false
		}
		b = b.Preds[0]
		i = len(b.Instrs) - 1
	}
	return false
}

// mayWrite reports whether instr may write a location it does not name: it
// starts a goroutine or a deferred call, communicates, or calls a function
// other than a builtin.
func mayWrite(instr ssa.Instruction) bool {
	switch instr := instr.(type) {
	case *ssa.Go, *ssa.Defer, *ssa.Send, *ssa.Select:
		return true
	case *ssa.Call:
		_, builtin := instr.Call.Value.(*ssa.Builtin)
		return !builtin
	}
	return false
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return len(b.Instrs) - 1
}

// nilComparison returns the position of a comparison of v with nil, or of
// v itself.
func nilComparison(v ssa.Value) token.Pos {
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if bin, ok := r.(*ssa.BinOp); ok && (bin.Op == token.EQL || bin.Op == token.NEQ) {
				if c, ok := bin.Y.(*ssa.Const); ok && c.IsNil() {
					return bin.Pos()
				}
				if c, ok := bin.X.(*ssa.Const); ok && c.IsNil() {
					return bin.Pos()
				}
			}
		}
	}
	return v.Pos()
}
