package nilmerge

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file decides when two composite literals denote the same value, for
// sameValue. A struct or array literal is built in SSA as a fresh Alloc, a
// Store per element written, and a load of the whole:
//
//	t1 = local poolKey (complit)
//	t2 = &t1.setName; *t2 = s
//	t3 = &t1.provider; *t3 = t0
//	t4 = *t1
//
// so the same key written twice (m.targets[poolKey{s, p.name}] = make(…)
// then maps.Copy(m.targets[poolKey{s, p.name}], ref), in prometheus
// discovery/manager.go) gives two loads of two Allocs that nothing else
// relates. Two such loads are the same value when the literals have one
// type and their elements are pairwise the same value; an element that is
// a load of a location must also not be written between the two literals.

// sameLiteral reports whether a and b are loads of composite literals of
// one type whose elements are pairwise the same value.
func sameLiteral(a, b *ssa.UnOp, depth int) bool {
	x, ok1 := a.X.(*ssa.Alloc)
	y, ok2 := b.X.(*ssa.Alloc)
	if !ok1 || !ok2 || a.Op != token.MUL || b.Op != token.MUL || !types.Identical(x.Type(), y.Type()) {
		return false
	}
	ex, ok1 := literalElems(x, a)
	ey, ok2 := literalElems(y, b)
	if !ok1 || !ok2 || len(ex) != len(ey) {
		return false
	}
	for i := range ex {
		switch {
		case ex[i] == nil || ey[i] == nil:
			if ex[i] != ey[i] {
				return false
			}
		case !sameValue(ex[i], ey[i], depth) || !unwrittenBetween(ex[i], ey[i]):
			return false
		}
	}
	return true
}

// literalElems returns the value stored into each element of the literal
// at al (nil for an element left zero) when al holds only a composite
// literal that load reads: its referrers are the literal's stores, each
// into a distinct element and before load in load's block, an optional
// clear of the whole, and loads.
func literalElems(al *ssa.Alloc, load *ssa.UnOp) ([]ssa.Value, bool) {
	n := elemCount(al.Type().(*types.Pointer).Elem())
	if n < 0 {
		return nil, false
	}
	elems := make([]ssa.Value, n)
	before := func(instr ssa.Instruction) bool {
		return instr.Block() == load.Block() && indexOf(load.Block(), instr) < indexOf(load.Block(), load)
	}
	for _, ref := range *al.Referrers() {
		switch r := ref.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
		case *ssa.DebugRef:
		case *ssa.Store:
			// Only the clear of a literal that omits elements.
			if c, ok := r.Val.(*ssa.Const); r.Addr != al || !ok || c.Value != nil || !before(r) {
				return nil, false
			}
		default:
			i, store := elemStore(r)
			if store == nil || i < 0 || i >= n || elems[i] != nil || !before(store) {
				return nil, false
			}
			elems[i] = store.Val
		}
	}
	return elems, true
}

// elemCount returns the number of elements of a struct or array type, and
// -1 for other types.
func elemCount(t types.Type) int {
	switch t := t.Underlying().(type) {
	case *types.Struct:
		return t.NumFields()
	case *types.Array:
		if t.Len() <= 64 {
			return int(t.Len())
		}
	}
	return -1
}

// elemStore returns the element index that instr addresses and the one
// store through it, when instr is a FieldAddr or a constant IndexAddr used
// only by that store.
func elemStore(instr ssa.Instruction) (int, *ssa.Store) {
	var i int
	var addr ssa.Value
	switch r := instr.(type) {
	case *ssa.FieldAddr:
		i, addr = r.Field, r
	case *ssa.IndexAddr:
		c, ok := r.Index.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
			return -1, nil
		}
		n, exact := constant.Int64Val(c.Value)
		if !exact || n > 64 {
			return -1, nil
		}
		i, addr = int(n), r
	default:
		return -1, nil
	}
	refs := *addr.Referrers()
	if len(refs) != 1 {
		return -1, nil
	}
	s, ok := refs[0].(*ssa.Store)
	if !ok || s.Addr != addr {
		return -1, nil
	}
	return i, s
}

// unwrittenBetween reports whether x and y, which sameValue equates, hold
// one value: they are one SSA value, or not both loads, or two loads with no
// store that may reach the location and no call between them (one reached
// from the other along a chain of single-predecessor blocks).
func unwrittenBetween(x, y ssa.Value) bool {
	if x == y {
		return true
	}
	lx, ok1 := x.(*ssa.UnOp)
	ly, ok2 := y.(*ssa.UnOp)
	if !ok1 || !ok2 || lx.Op != token.MUL {
		return true
	}
	return noWriteBack(ly, lx) || noWriteBack(lx, ly)
}

// noWriteBack walks back from the load to to the load from, and reports
// whether it gets there without meeting a store that may write to's
// location or a call (see unchanged for the walk).
func noWriteBack(from, to *ssa.UnOp) bool {
	root := allocRoot(to.X)
	return walkBack(to.Block(), indexOf(to.Block(), to)-1, func(instr ssa.Instruction) (found, done bool) {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			return instr == from, instr == from
		case *ssa.Store:
			// A store into a stack Alloc other than the loaded one
			// (another literal) cannot reach the location.
			r := allocRoot(instr.Addr)
			return false, r == nil || r.Heap || r == root
		}
		return false, mayWrite(instr)
	})
}

// allocRoot returns the Alloc that addr points into through field and
// index addresses, or nil.
func allocRoot(addr ssa.Value) *ssa.Alloc {
	for {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			addr = x.X
		case *ssa.IndexAddr:
			addr = x.X
		case *ssa.Alloc:
			return x
		default:
			return nil
		}
	}
}
