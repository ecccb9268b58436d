package guards

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// liveBlocks returns the blocks of fn that can run, or nil when all can:
// those reachable from the entry (or the recover block) without taking
// the branch of an if that a constant condition rules out. go/ssa keeps
// such branches for fidelity to the source, so database/sql's
//
//	const debugGetPut = false
//	if debugGetPut { db.lastPut[dc] = stack() }
//
// holds accesses that never run, with whatever locks are (not) held there.
func liveBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	found := false
	for _, b := range fn.Blocks {
		if isConstIf(b) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	live := make(map[*ssa.BasicBlock]bool)
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if b == nil || live[b] {
			return
		}
		live[b] = true
		if isConstIf(b) {
			c := b.Instrs[len(b.Instrs)-1].(*ssa.If).Cond.(*ssa.Const)
			if constantTrue(c) {
				visit(b.Succs[0])
			} else {
				visit(b.Succs[1])
			}
			return
		}
		for _, s := range b.Succs {
			visit(s)
		}
	}
	if len(fn.Blocks) > 0 {
		visit(fn.Blocks[0])
	}
	visit(fn.Recover)
	return live
}

// isConstIf reports whether b ends in an if on a constant boolean.
func isConstIf(b *ssa.BasicBlock) bool {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return false
	}
	i, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	c, ok := i.Cond.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Bool
}

func constantTrue(c *ssa.Const) bool { return constant.BoolVal(c.Value) }

// initOnly returns the package's map variables that hold a map only while
// the package initialises: stored only by the package initializer and by
// init functions, one of which sets the variable to nil on every path.
// encoding/gob fills typeInfoMapInit during init, then publishes a copy
// and sets it to nil; its readers test it for nil first. Every access to
// the map runs during init, before any goroutine of the program.
func initOnly(fns []*ssa.Function) map[*ssa.Global]bool {
	reset := make(map[*ssa.Global]bool)
	other := make(map[*ssa.Global]bool)
	for _, fn := range fns {
		initializer := fn.Pkg != nil && fn == fn.Pkg.Func("init")
		declared := isInitFunc(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				g, ok := st.Addr.(*ssa.Global)
				if !ok || !isMapType(g.Type().(*types.Pointer).Elem()) {
					continue
				}
				switch {
				case declared && isNil(st.Val) && dominatesReturns(b):
					reset[g] = true
				case !initializer && !declared:
					other[g] = true
				}
			}
		}
	}
	out := make(map[*ssa.Global]bool)
	for g := range reset {
		if !other[g] {
			out[g] = true
		}
	}
	return out
}

// isInitFunc reports whether fn is one of the package's func init.
func isInitFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && fn.Parent() == nil && fn.Signature.Recv() == nil && obj.Name() == "init"
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// dominatesReturns reports whether b runs on every path that returns.
func dominatesReturns(b *ssa.BasicBlock) bool {
	for _, r := range b.Parent().Blocks {
		if len(r.Instrs) == 0 {
			continue
		}
		if _, ok := r.Instrs[len(r.Instrs)-1].(*ssa.Return); ok && !b.Dominates(r) {
			return false
		}
	}
	return true
}
