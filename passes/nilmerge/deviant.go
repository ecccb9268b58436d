package nilmerge

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// This file infers which map fields the package itself treats as nilable
// (issue 11, item 8), as "bugs as deviant behaviour" does: where most
// writes into a field of an object the function did not build are guarded
// — a nil or length test of the field, or an assignment to it, on the
// dominator path of the write —
//
//	if cm.Annotations == nil {
//		cm.Annotations = map[string]string{}
//	}
//	cm.Annotations[key] = rec
//
// a write with no guard is a deviation from the package's own rule, and is
// reported with the guarded writes as related positions. Objects the
// function builds itself, or a helper of the package builds and returns,
// are left to the rest of the search (memory.go, returned.go),
// and a field needs at least Config.DeviantMin guarded writes, and more
// guarded writes than unguarded ones, before its unguarded writes count.

// A fieldWrite is a write into a map field of an object reached through
// base.
type fieldWrite struct {
	w     *write
	field *types.Var
	guard token.Pos // a dominating guard, or NoPos
	entry bool      // the guard tests an entry (comma-ok, range, m[k] == 0): the write is safe, but says nothing of nilability
}

// fieldWriteOf returns the map field that w writes into, when the map is
// loaded from a field of an object the function did not allocate.
func fieldWriteOf(w *write) (fieldWrite, bool) {
	load, ok := w.m.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return fieldWrite{}, false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return fieldWrite{}, false
	}
	if builtHere(fa.X) || builtByHelper(fa.X) || callbackParam(fa.X) {
		return fieldWrite{}, false
	}
	f := fieldOf(fa.X.Type(), fa.Field)
	if f == nil {
		return fieldWrite{}, false
	}
	pos, entry := guardOf(w.instr, fa)
	return fieldWrite{w: w, field: f, guard: pos, entry: entry}, true
}

// callbackParam reports whether ptr is (a field of) a parameter of a
// function literal: a callback's argument is prepared by the function that
// calls it (queryClientNode(..., func(q *QueryOptions) { q.Params[k] = v })
// after making q.Params), which this inference does not see.
func callbackParam(ptr ssa.Value) bool {
	for range 8 {
		switch x := ptr.(type) {
		case *ssa.Parameter:
			return x.Parent().Parent() != nil
		case *ssa.FieldAddr:
			ptr = x.X
			continue
		case *ssa.UnOp:
			ptr = x.X
			continue
		}
		return false
	}
	return false
}

// builtByHelper reports whether the struct that ptr points to (or holds
// as a field) is returned by a call of a function of this package that
// returns, on every path, nil or a struct it allocated: its fields are
// what that function made them, which the rest of the search follows
// (returned.go) or trusts, as it does for a struct built here.
// nats-server's test of (*StreamConfig).clone writes the Metadata of a
// clone whose original it built with Metadata: make(...).
func builtByHelper(ptr ssa.Value) bool {
	for range 8 {
		if fa, ok := ptr.(*ssa.FieldAddr); ok {
			ptr = fa.X
			continue
		}
		break
	}
	index := 0
	if e, ok := ptr.(*ssa.Extract); ok {
		ptr, index = e.Tuple, e.Index
	}
	call, ok := ptr.(*ssa.Call)
	if !ok {
		return false
	}
	callee := calledFunc(call)
	if callee == nil || callee.Pkg == nil || callee.Pkg != call.Parent().Pkg || len(callee.Blocks) == 0 {
		return false
	}
	allocs := 0
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		switch r := ret.Results[index].(type) {
		case *ssa.Alloc:
			allocs++
		case *ssa.Const:
			if !r.IsNil() {
				return false
			}
		default:
			return false
		}
	}
	return allocs > 0
}

// calledFunc returns the function that call calls: its static callee, or
// the function literal held by a local variable that is assigned once and
// otherwise only loaded ([mapid.SoleValue]), which the call reads directly
// or as a closure's captured variable (newStream := func() *S {...};
// t.Run(name, func(t *testing.T) { s := newStream() })).
func calledFunc(call *ssa.Call) *ssa.Function {
	if f := apis.StaticCallee(&call.Call); f != nil {
		return f
	}
	load, ok := call.Call.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fn, bound := goroutine.Target(mapid.SoleValue(load.X))
	if len(bound) > 0 {
		return nil // a bound method value is not followed
	}
	return fn
}

// builtHere reports whether the struct that ptr points to is allocated in
// the function (directly or as the field of such a struct).
func builtHere(ptr ssa.Value) bool {
	for range 8 {
		switch x := ptr.(type) {
		case *ssa.Alloc:
			return true
		case *ssa.FieldAddr:
			ptr = x.X
			continue
		}
		return false
	}
	return false
}

// guardOf returns the position of a guard of the field at fa that runs
// before write on every path: a store to the field, or a branch on a
// comparison of the field (with nil, or its length with a constant), in
// the write's block before it or in a block that dominates it. Failing
// that, a comparison of the field itself on some path to the write counts
// too (see testedOnSomePath).
func guardOf(write ssa.Instruction, fa *ssa.FieldAddr) (token.Pos, bool) {
	b := write.Block()
	end := indexOf(b, write)
	for x := b; x != nil; x = x.Idom() {
		instrs := x.Instrs
		if x == b {
			instrs = instrs[:end]
		}
		for _, instr := range instrs {
			if pos, entry, ok := guards(instr, fa); ok {
				return pos, entry
			}
		}
	}
	return testedOnSomePath(write, fa), false
}

// testedOnSomePath returns the position of a branch on a comparison of the
// field at fa (with nil, or its length) in a block from which write can be
// reached, or NoPos. The function then knows the field may be nil and
// handles it: that the guard covers only some paths, the others being
// correlated with it through conditions this inference does not follow,
// is no deviation from the package's rule. nats-server's
// decodeSourcesState makes the field when count > 0 && fs.sources == nil,
// then writes it in a loop of count steps.
func testedOnSomePath(write ssa.Instruction, fa *ssa.FieldAddr) token.Pos {
	b := write.Block()
	before := reach(b.Preds, func(x *ssa.BasicBlock) []*ssa.BasicBlock { return x.Preds }, nil)
	for _, x := range b.Parent().Blocks {
		if !before[x] {
			continue
		}
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If); !ok {
			continue
		}
		if pos, entry, ok := guards(x.Instrs[len(x.Instrs)-1], fa); ok && !entry {
			return pos
		}
	}
	return token.NoPos
}

// guards reports whether instr stores to the field at fa, or branches on a
// comparison that reads it, its length or one of its entries (comma-ok
// too).
func guards(instr ssa.Instruction, fa *ssa.FieldAddr) (pos token.Pos, entry, ok bool) {
	same := func(v ssa.Value) bool {
		x, ok := v.(*ssa.FieldAddr)
		return ok && x.Field == fa.Field && sameValue(x.X, fa.X, 4)
	}
	switch instr := instr.(type) {
	case *ssa.Store:
		if same(instr.Addr) {
			return instr.Pos(), false, true
		}
	case *ssa.FieldAddr:
		// ca := x.F[k]; use(ca.Config): the pointer an entry holds is
		// dereferenced, which panics before the write when the map is
		// nil (its lookups yield nil).
		if l, ok := instr.X.(*ssa.Lookup); ok && !l.CommaOk && readsField(l.X, same) {
			return l.Pos(), true, true
		}
	case *ssa.If:
		// if _, ok := x.F[k]; ok: a comma-ok test of an entry; and
		// the body of a range over x.F, which runs only when the map
		// has an entry.
		if e, ok := instr.Cond.(*ssa.Extract); ok {
			if l, ok := e.Tuple.(*ssa.Lookup); ok && e.Index == 1 && readsField(l.X, same) {
				return l.Pos(), true, true
			}
			if n, ok := e.Tuple.(*ssa.Next); ok && e.Index == 0 && !n.IsString {
				if r, ok := n.Iter.(*ssa.Range); ok && readsField(r.X, same) {
					return r.Pos(), true, true
				}
			}
		}
		bin, ok := instr.Cond.(*ssa.BinOp)
		if !ok {
			return token.NoPos, false, false
		}
		for _, op := range []ssa.Value{bin.X, bin.Y} {
			if c, ok := op.(*ssa.Call); ok && isBuiltin(c.Call.Value, "len") {
				op = c.Call.Args[0]
			}
			// n := x.F[k]; if n == 0 { panic(...) }: a test of an
			// entry's value, which the program expects to be there.
			if l, ok := op.(*ssa.Lookup); ok && !l.CommaOk && readsField(l.X, same) {
				return bin.Pos(), true, true
			}
			if readsField(op, same) {
				return bin.Pos(), false, true
			}
		}
	}
	return token.NoPos, false, false
}

// readsField reports whether v is a load of the field that same matches.
func readsField(v ssa.Value, same func(ssa.Value) bool) bool {
	load, ok := v.(*ssa.UnOp)
	return ok && load.Op == token.MUL && same(load.X)
}

// deviants returns, for every field whose writes mostly have a guard, the
// writes without one, with the origin that explains them.
func deviants(fws []fieldWrite, minGuards int) map[*write]*origin {
	byField := make(map[*types.Var][]fieldWrite)
	var order []*types.Var
	for _, fw := range fws {
		if _, ok := byField[fw.field]; !ok {
			order = append(order, fw.field)
		}
		byField[fw.field] = append(byField[fw.field], fw)
	}
	out := make(map[*write]*origin)
	for _, f := range order {
		var guarded []token.Pos
		var bare []*write
		for _, fw := range byField[f] {
			if fw.entry {
				continue // safe, and no evidence either way
			}
			if fw.guard.IsValid() {
				if !slices.Contains(guarded, fw.guard) {
					guarded = append(guarded, fw.guard)
				}
			} else {
				bare = append(bare, fw.w)
			}
		}
		if len(guarded) < minGuards || len(bare) >= len(guarded) {
			continue
		}
		for _, w := range bare {
			out[w] = &origin{
				pos:    guarded[0],
				why:    fmt.Sprintf("field %s is checked or set before its writes at %d other places in this package, but not here", f.Name(), len(guarded)),
				kind:   fromDeviant,
				guards: guarded[:min(len(guarded), 3)],
			}
		}
	}
	return out
}
