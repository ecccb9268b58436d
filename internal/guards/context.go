package guards

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// contexts finds the functions that run alone and the parameters that always
// receive an object nobody else has yet, top-down over static calls.
func (r *Result) contexts(fns []*ssa.Function) {
	r.Alone = make(map[*ssa.Function]bool)
	r.FreshParams = make(map[*ssa.Parameter]bool)
	type paramState struct {
		calls int
		fresh []bool
	}
	states := make(map[*ssa.Function]*paramState)
	once := onceBodies(fns)
	for _, fn := range r.Locks.TopDown() {
		if isAlone(fn) || once[fn] {
			r.Alone[fn] = true
		}
		if r.Locks.OnlyCalled(fn) {
			all := true
			for _, c := range r.Locks.Callers(fn) {
				if !r.Alone[c] {
					all = false
				}
			}
			if all {
				r.Alone[fn] = true
			}
			if st := states[fn]; st != nil && st.calls == len(r.Locks.Callers(fn)) {
				for i, f := range st.fresh {
					if f {
						r.FreshParams[fn.Params[i]] = true
					}
				}
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := apis.StaticCallee(&call.Call)
				if callee == nil || len(call.Call.Args) != len(callee.Params) {
					continue
				}
				st := states[callee]
				if st == nil {
					st = &paramState{fresh: make([]bool, len(callee.Params))}
					for i := range st.fresh {
						st.fresh[i] = true
					}
					states[callee] = st
				}
				st.calls++
				for i, a := range call.Call.Args {
					if !r.IsFresh(fn, mapid.RefOf(a)) {
						st.fresh[i] = false
					}
				}
			}
		}
	}
}

// exposure finds the functions that can run concurrently with other code
// of the package, as far as is known: exported functions and methods (a
// type whose methods lock is meant to be called from many goroutines),
// functions started as goroutines or HTTP handlers, and what they call
// statically. A function only used as a value (a callback, an unexported
// method called through an interface) runs where its caller decides, often
// under the caller's lock: its accesses are neither findings nor evidence
// against a guard.
func (r *Result) exposure(fns []*ssa.Function) {
	var exported, many, once []*ssa.Function
	r.handedOut = handedOut(fns)
	for _, fn := range fns {
		if r.Callable(fn) {
			exported = append(exported, fn)
		}
		if (goroutine.IsHandler(fn) && !goroutine.InTestFile(fn)) || r.Served[fn] {
			many = append(many, fn)
		}
		for _, s := range r.spawnsOf(fn) {
			if s.Many {
				many = append(many, s.Fn)
			} else {
				once = append(once, s.Fn) // runs alongside other code, once
			}
		}
	}
	// multi: may run in several goroutines at once (exported API, a
	// goroutine started many times); exposed: may run alongside other code.
	r.API = r.closure(exported)
	r.Multi = r.closure(append(slices.Clip(many), exported...))
	r.Exposed = r.closure(append(append(slices.Clip(exported), many...), once...))
}

// IsAPI reports whether fn can be called from other packages directly: an
// exported function, or an exported method of an exported type. An exported
// method of an unexported type is reached only through an interface (the
// package hands out the value, often inside its own critical section, as
// go-ethereum's hashdb passes its cleaner to batch.Replay under db.lock) or
// through the package's own calls, which are followed.
func IsAPI(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return false
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return true
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Exported()
}

// Callable reports whether other packages can call fn directly: IsAPI, or
// an exported method of an unexported type that an exported function
// hands out as such (func New() *googleClient, as gofr's Google Pub/Sub
// client does): its users hold the value and call the method themselves,
// from any goroutine.
func (r *Result) Callable(fn *ssa.Function) bool {
	if IsAPI(fn) {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return false
	}
	n := RecvNamed(fn)
	return n != nil && r.handedOut[n.Obj()]
}

// handedOut returns the unexported named types of the package that an
// exported function or method (IsAPI) returns, or a pointer to one. A
// value handed out behind an interface is not one: its methods run where
// the package calls them (see IsAPI).
func handedOut(fns []*ssa.Function) map[*types.TypeName]bool {
	var out map[*types.TypeName]bool
	for _, fn := range fns {
		if fn.Pkg == nil || !IsAPI(fn) {
			continue
		}
		res := fn.Signature.Results()
		for i := range res.Len() {
			n := NamedOf(res.At(i).Type())
			if n == nil || n.Obj().Exported() || n.Obj().Pkg() != fn.Pkg.Pkg {
				continue
			}
			if out == nil {
				out = make(map[*types.TypeName]bool)
			}
			out[n.Obj()] = true
		}
	}
	return out
}

// closure returns roots and the functions of the package they call
// (statically or by defer), transitively.
func (r *Result) closure(roots []*ssa.Function) map[*ssa.Function]bool {
	set := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	mark := func(fn *ssa.Function) {
		if fn != nil && !set[fn] && !r.Alone[fn] && r.Locks.Result(fn) != nil {
			set[fn] = true
			work = append(work, fn)
		}
	}
	for _, fn := range roots {
		mark(fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range r.Locks.Callees(fn) {
			mark(c)
		}
	}
	return set
}

// IsFresh reports whether the object ref, seen in fn, is not yet shared:
// allocated by fn, or received from callers that all allocated it, and
// reached without following a pointer stored in it.
func (r *Result) IsFresh(fn *ssa.Function, ref mapid.Ref) bool {
	return r.isFresh(fn, ref, 0)
}

func (r *Result) isFresh(fn *ssa.Function, ref mapid.Ref, depth int) bool {
	if r.Alone[fn] {
		return true
	}
	if ref.Root == nil || depth > 4 {
		return false
	}
	if cell, ok := ref.Root.(*ssa.Alloc); ok && ref.Path.Len() > 0 && ref.Path.At(0).Kind() == mapid.DerefStep {
		return r.freshCell(fn, cell, ref.Path, depth)
	}
	if ref.Path.HasDeref() {
		return false
	}
	switch root := ref.Root.(type) {
	case *ssa.Alloc:
		// A local variable holding a copy of a struct (a value receiver,
		// s := *p) is new memory, but the maps and pointers it holds are
		// the original's: it is as fresh as every value copied into it.
		if root.Parent() != fn {
			return false
		}
		for _, v := range copiedInto(root) {
			if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
				if a, ok := u.X.(*ssa.Alloc); ok {
					v = a // a composite literal built aside, then copied
				}
			}
			if !r.isFresh(fn, mapid.Ref{Root: v}, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Parameter:
		return r.FreshParams[root]
	case *ssa.Call:
		return r.returnsFresh(apis.StaticCallee(&root.Call), 0)
	}
	return false
}

// copiedInto returns the values stored whole into the variable a, other
// than constants (its zero value): a value receiver is stored into its
// variable on entry, s := *p stores the loaded struct.
func copiedInto(a *ssa.Alloc) []ssa.Value {
	var vs []ssa.Value
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if _, isConst := st.Val.(*ssa.Const); !isConst {
				vs = append(vs, st.Val)
			}
		}
	}
	return vs
}

// returnsFresh reports whether fn, a function of the package, returns an
// object it allocates (nt := t.copy() in a Clone method), so that the
// caller is the only one to have it.
func (r *Result) returnsFresh(fn *ssa.Function, depth int) bool {
	if fn == nil || r.Locks.Summary(fn) == nil || depth > 3 || fn.Signature.Results().Len() == 0 {
		return false
	}
	if v, ok := r.freshRet[fn]; ok {
		return v
	}
	r.freshRet[fn] = false // recursion
	fresh, returns := true, false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			returns = true
			ref := mapid.RefOf(ret.Results[0])
			switch root := ref.Root.(type) {
			case *ssa.Alloc:
				fresh = fresh && root.Parent() == fn && !ref.Path.HasDeref()
			case *ssa.Call:
				fresh = fresh && ref.Path.IsEmpty() && r.returnsFresh(apis.StaticCallee(&root.Call), depth+1)
			default:
				fresh = false
			}
		}
	}
	r.freshRet[fn] = fresh && returns
	return fresh && returns
}

// onceBodies returns the functions run by sync.Once.Do, sync.OnceFunc and
// the like (rows of the API table): they run once, and every caller waits
// for them, so their accesses are ordered before whatever follows the call.
func onceBodies(fns []*ssa.Function) map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				r, ok := apis.Of(&c.Call, apis.RunOnce)
				if !ok {
					continue
				}
				switch f := apis.Arg(&c.Call, r.Arg).(type) {
				case *ssa.Function:
					out[f] = true
				case *ssa.MakeClosure:
					out[f.Fn.(*ssa.Function)] = true
				}
			}
		}
	}
	return out
}

// unsharedArg reports whether argument i of the call c is an object nobody
// else has yet where the call runs: fresh in the caller (IsFresh), and no
// goroutine started earlier in the caller, which might hold it already.
//
//	l := &lessor{leaseMap: ...}
//	l.initAndRecover() // writes l.leaseMap; Recover calls it under l.mu
//	go l.runLoop()
func (r *Result) unsharedArg(c *ssa.Call, i int) bool {
	caller := c.Parent()
	if r.setupFresh(caller, mapid.RefOf(c.Call.Args[i]), c) {
		return true
	}
	if !r.IsFresh(caller, mapid.RefOf(c.Call.Args[i])) {
		return false
	}
	if r.Alone[caller] {
		return false // tests and init: Unconstraining already
	}
	for _, s := range r.spawnsOf(caller) {
		if s.Instr != nil && s.Instr.Parent() == caller && goroutine.After(s.Instr, c) {
			return false
		}
	}
	return true
}

// freshCell reports whether the object reached by path from the local
// variable cell of fn is not yet shared: go/ssa gives a variable that a
// closure assigns a cell, so `db := &DB{}` read through it is a load, and
// the object is as fresh as every pointer stored in the cell, by fn or by
// its closures (badger's Open: `defer func() { if err != nil { db = nil } }()`);
// nil shares nothing.
func (r *Result) freshCell(fn *ssa.Function, cell *ssa.Alloc, path mapid.Path, depth int) bool {
	if cell.Parent() != fn {
		return false
	}
	if _, ok := types.Unalias(cell.Type()).(*types.Pointer).Elem().Underlying().(*types.Pointer); !ok {
		return false // the cell holds the object itself, not a pointer to it
	}
	stored, ok := cellStores(cell)
	if !ok {
		return false
	}
	rest := mapid.PathOf()
	for i := 1; i < path.Len(); i++ {
		rest = rest.Append(path.At(i))
	}
	fresh := false
	for _, v := range stored {
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		if !r.isFresh(fn, mapid.Ref{Root: v, Path: rest}, depth+1) {
			return false
		}
		fresh = true
	}
	return fresh
}

// cellStores returns the values stored in the variable cell, by its
// function or by the closures it binds the cell to; ok is false when the
// cell is used otherwise (its address passed on, bound to a closure's
// closure, or to a closure that is started, stored or passed on, which
// may read it at any time: calledOnly). A store of the cell's own value
// (go/ssa's `*t1 = *t1` for `return p, nil` when p is a named result in
// a cell) adds nothing.
func cellStores(cell *ssa.Alloc) (vals []ssa.Value, ok bool) {
	return storesTo(cell, nil, true)
}

// storesTo appends to vals the values stored in addr, a variable cell or
// the free variable a closure binds to it, where every other use of addr
// is a load; closures says whether addr may be bound to a closure, whose
// stores then count too (one level: a cell, not a free variable).
func storesTo(addr ssa.Value, vals []ssa.Value, closures bool) ([]ssa.Value, bool) {
	for _, ref := range *addr.Referrers() {
		switch x := ref.(type) {
		case *ssa.Store:
			if x.Addr != addr {
				return nil, false
			}
			if ld, ok := x.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && ld.X == addr {
				// The variable's own value stored back: `return p, nil`
				// with p a named result that a deferred closure reads.
				continue
			}
			vals = append(vals, x.Val)
		case *ssa.UnOp:
			// a load
		case *ssa.MakeClosure:
			if !closures || !calledOnly(x) {
				return nil, false
			}
			for i, b := range x.Bindings {
				if b != addr {
					continue
				}
				var ok bool
				if vals, ok = storesTo(x.Fn.(*ssa.Function).FreeVars[i], vals, false); !ok {
					return nil, false
				}
			}
		default:
			return nil, false
		}
	}
	return vals, true
}

// calledOnly reports whether the closure mc is only called or deferred by
// its function: not started as a goroutine, stored or passed on, where it
// could read the variables it captures at any time.
func calledOnly(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		switch c := ref.(type) {
		case *ssa.Call:
			if c.Call.Value != mc {
				return false
			}
		case *ssa.Defer:
			if c.Call.Value != mc {
				return false
			}
		default:
			return false
		}
	}
	return true
}
