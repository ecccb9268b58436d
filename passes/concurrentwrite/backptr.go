package concurrentwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// A backPair is a field f of a struct T pointing to a U, and a field g of
// U pointing back to a T, such that x.f.g is x for every T x whose f is
// set: a helper object made with a pointer to its owner.
//
//	cnx.reader = &connectionReader{cnx: cnx} // or newConnectionReader(cnx)
//
// A goroutine started on the helper (go c.reader.readFromConnection())
// reaches the owner's maps as c.reader.cnx.pendingReqs, the owner's code
// as c.pendingReqs: the same map (apache/pulsar-client-go#47).
type backPair struct{ f, g *types.Var }

// backPointers returns the pairs of fields that the package's code proves
// to be back-pointers. The proof is over every store in the package, which
// is all of them: both fields are unexported fields of the package's own
// types, so no other package stores them.
//
//   - every store to g is into a fresh allocation A of U, and all of A's
//     stores to g store the same value;
//   - every store x.f = v stores nil, such an A whose g is x, or the result
//     of a call of a function of the package that returns only such
//     allocations with g set to its parameter i, called with x as argument
//     i;
//   - no value of T or U is copied or stored whole (a copy of x would
//     share x.f, whose g is x, not the copy).
func backPointers(fns []*ssa.Function, pkg *types.Package) map[backPair]bool {
	stores := make(map[*types.Var][]*ssa.Store)
	copied := make(map[types.Type]bool)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
						if f := mapid.FieldVar(fa); f != nil {
							stores[f] = append(stores[f], in)
						}
					} else if _, ok := in.Addr.(*ssa.Alloc); !ok {
						copied[deref(in.Addr.Type())] = true // *p = T{...}
					}
				case *ssa.UnOp:
					if in.Op == token.MUL {
						if _, ok := in.Type().Underlying().(*types.Struct); ok {
							copied[in.Type()] = true // v := *p
						}
					}
				}
			}
		}
	}
	out := make(map[backPair]bool)
	for f, fstores := range stores {
		t, u := ownerOf(f, pkg), pointee(f.Type(), pkg)
		if t == nil || u == nil || copied[t] || copied[u] {
			continue
		}
		st := u.Underlying().(*types.Struct)
		for i := range st.NumFields() {
			g := st.Field(i)
			if g.Exported() || pointee(g.Type(), pkg) != t {
				continue
			}
			if backs(fstores, stores[g]) {
				out[backPair{f.Origin(), g.Origin()}] = true
			}
		}
	}
	return out
}

// backs reports whether every store of fstores (to x.f) stores a value
// whose g is x, given gstores, every store to g.
func backs(fstores, gstores []*ssa.Store) bool {
	gOf := make(map[*ssa.Alloc]ssa.Value) // allocation → the value of its g
	for _, s := range gstores {
		a, ok := s.Addr.(*ssa.FieldAddr).X.(*ssa.Alloc)
		if !ok || !a.Heap {
			return false
		}
		if v, ok := gOf[a]; ok && v != s.Val {
			return false
		}
		gOf[a] = s.Val
	}
	for _, s := range fstores {
		x := s.Addr.(*ssa.FieldAddr).X
		switch v := s.Val.(type) {
		case *ssa.Const:
			if !v.IsNil() {
				return false
			}
		case *ssa.Alloc:
			if gOf[v] != x {
				return false
			}
		case *ssa.Call:
			callee := apis.StaticCallee(&v.Call)
			i, ok := backParam(callee, gOf)
			if !ok || i >= len(v.Call.Args) || v.Call.Args[i] != x {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// backParam returns i when fn returns, on every return, a fresh
// allocation whose g (see gOf) is fn's parameter i.
func backParam(fn *ssa.Function, gOf map[*ssa.Alloc]ssa.Value) (int, bool) {
	if fn == nil || fn.Signature.Results().Len() != 1 {
		return 0, false
	}
	idx, found := -1, false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		a, ok := ret.Results[0].(*ssa.Alloc)
		if !ok {
			return 0, false
		}
		p, ok := gOf[a].(*ssa.Parameter)
		if !ok {
			return 0, false
		}
		i := paramIndex(fn, p)
		if i < 0 || (found && i != idx) {
			return 0, false
		}
		idx, found = i, true
	}
	return idx, found
}

func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// ownerOf returns the named struct type of the package that declares the
// unexported field f, or nil.
func ownerOf(f *types.Var, pkg *types.Package) types.Type {
	if f.Exported() || f.Pkg() != pkg || !f.IsField() {
		return nil
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == f.Origin() {
				return tn.Type()
			}
		}
	}
	return nil
}

// pointee returns the named struct type of the package that t points to,
// or nil.
func pointee(t types.Type, pkg *types.Package) types.Type {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg || n.TypeParams().Len() > 0 {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// canon returns r with each round trip through a back-pointer removed:
// c.reader.cnx is c.
func canon(r mapid.Ref, pairs map[backPair]bool) mapid.Ref {
	if len(pairs) == 0 || r.Path.Len() < 4 {
		return r
	}
	var steps []mapid.Step
	changed := false
	for i := 0; i < r.Path.Len(); i++ {
		if i+3 < r.Path.Len() {
			f, d1, g, d2 := r.Path.At(i), r.Path.At(i+1), r.Path.At(i+2), r.Path.At(i+3)
			if f.Kind() == mapid.FieldStep && g.Kind() == mapid.FieldStep && d1.Kind() == mapid.DerefStep && d2.Kind() == mapid.DerefStep &&
				pairs[backPair{f.Var(), g.Var()}] {
				i += 3
				changed = true
				continue
			}
		}
		steps = append(steps, r.Path.At(i))
	}
	if !changed {
		return r
	}
	return mapid.Ref{Root: r.Root, Path: mapid.PathOf(steps...)}
}
