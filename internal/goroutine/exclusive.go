package goroutine

import "golang.org/x/tools/go/ssa"

// Exclusive reports whether the instructions a and b of one function never
// both run in one call of it: they lie under opposite outcomes of tests of
// the same parameter, whose value no statement of the function changes
// (go/ssa gives a reassigned parameter a new value). go-ethereum's
// committer tests its parallel parameter in a loop, committing a child in
// place on one branch and in a goroutine on the other:
//
//	for i := range 16 {
//		if !parallel {
//			n.Children[i] = c.commit(…) // never after the go below
//		} else {
//			go func(index int) { … }(i)
//		}
//	}
func Exclusive(a, b ssa.Instruction) bool {
	fn := a.Parent()
	if fn == nil || b.Parent() != fn {
		return false
	}
	ia, ib := implied(fn, a.Block()), implied(fn, b.Block())
	for p, v := range ia {
		if w, ok := ib[p]; ok && w != v {
			return true
		}
	}
	return false
}

// implied returns the values of the boolean parameters that reaching blk
// implies: a test of the parameter whose successor for an outcome
// dominates blk, entered from the test alone.
func implied(fn *ssa.Function, blk *ssa.BasicBlock) map[*ssa.Parameter]bool {
	var out map[*ssa.Parameter]bool
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		p, ok := iff.Cond.(*ssa.Parameter)
		if !ok {
			continue
		}
		for k, s := range b.Succs {
			if s != b.Succs[1-k] && len(s.Preds) == 1 && s.Dominates(blk) {
				if out == nil {
					out = make(map[*ssa.Parameter]bool)
				}
				if v, seen := out[p]; seen && v != (k == 0) {
					return nil // unreachable; claim nothing
				}
				out[p] = k == 0
			}
		}
	}
	return out
}
