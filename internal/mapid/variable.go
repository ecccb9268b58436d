package mapid

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// This file answers what value a local variable that lives in memory (an
// *ssa.Alloc: one that a closure captures or whose address is taken)
// holds, for the passes that follow a function literal held in a variable
// (f := func() {...}; go func() { f() }()) or a parameter that closures
// capture.
//
// Two rules, because the passes ask two questions:
//
//   - [SoleValue]: the variable is stored exactly once, by its own
//     function, and otherwise only loaded, there or in the closures that
//     capture it. Every load sees that value (or, before the store, the
//     zero value). nilmerge needs this: it trusts the fields of a struct
//     built by the function held there, so the call must run that one.
//   - [StoredOnce]: the variable is stored exactly once by its own
//     function, whatever else happens to it (a closure assigns it, its
//     address is passed on). The value is one the variable may hold.
//     concurrentwrite needs no more: it follows the function a goroutine
//     may call to find the accesses it may make, and an access it finds
//     there is possible whether or not the variable changes later.

// SoleValue returns the only value that the local variable at addr holds
// once set: addr is an *ssa.Alloc, or a closure's free variable that the
// enclosing function binds to one; the variable's function stores it
// exactly once, and nothing else but loads (there, and in the closures
// that capture it directly) refers to it (see [OnlyLoadsAndStores]).
// Otherwise it returns nil. A variable captured by a closure inside a
// closure is not followed: the middle closure hands it on.
func SoleValue(addr ssa.Value) ssa.Value {
	a := cellOf(addr)
	if a == nil || !OnlyLoadsAndStores(a) {
		return nil
	}
	return storedOnce(a)
}

// StoredOnce returns the value that the function of the local variable at
// addr (an *ssa.Alloc, or a closure's free variable that the enclosing
// function binds to one) stores in it, when it stores it exactly once;
// otherwise nil. Other uses of the variable are not looked at, so the
// value is one the variable may hold, not necessarily the only one: use
// [SoleValue] for that.
func StoredOnce(addr ssa.Value) ssa.Value {
	a := cellOf(addr)
	if a == nil {
		return nil
	}
	return storedOnce(a)
}

// OnlyLoadsAndStores reports whether the variable at alloc is only loaded
// and stored to in its function, and only loaded by the closures that
// capture it: nothing else can change it behind the stores.
func OnlyLoadsAndStores(alloc *ssa.Alloc) bool { return usedThrough(alloc, true, true) }

// OnlyLoaded reports whether every use of the address addr loads through
// it (debug references aside).
func OnlyLoaded(addr ssa.Value) bool { return usedThrough(addr, false, false) }

// OnlyLoadedOrStored reports whether every use of the address addr loads
// or stores through it (debug references aside): the address itself goes
// nowhere.
func OnlyLoadedOrStored(addr ssa.Value) bool { return usedThrough(addr, true, false) }

// usedThrough reports whether every use of the address addr is a load
// through it, a store through it (when stores is set), or the binding of
// a closure that only loads it (when closures is set).
func usedThrough(addr ssa.Value, stores, closures bool) bool {
	refs := addr.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if !stores || r.Addr != addr {
				return false // its address is stored elsewhere
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !closures {
				return false
			}
			fn := r.Fn.(*ssa.Function)
			for i, b := range r.Bindings {
				if b == addr && !OnlyLoaded(fn.FreeVars[i]) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// cellOf returns the variable that addr denotes: addr itself when it is
// an *ssa.Alloc, or the Alloc that the enclosing function binds to the
// free variable addr; else nil.
func cellOf(addr ssa.Value) *ssa.Alloc {
	if fv, ok := addr.(*ssa.FreeVar); ok {
		addr = Binding(fv)
	}
	a, _ := addr.(*ssa.Alloc)
	return a
}

// storedOnce returns the value stored in the variable a by its function
// when it stores it exactly once, else nil. (A closure stores through its
// free variable, not through a: those stores are not counted here.)
func storedOnce(a *ssa.Alloc) ssa.Value {
	var v ssa.Value
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if v != nil {
				return nil
			}
			v = st.Val
		}
	}
	return v
}

// paramCopy returns the parameter whose value the local variable a is a
// read-only copy of: go/ssa spills a struct parameter into a local
// variable when the function takes the address of one of its fields
// (a value receiver's rl.registry.m reads *(&rl.registry)); the variable
// is stored once, with the parameter, and only read after, through loads
// and field addresses that are themselves only read. Its fields then hold
// what the parameter's do, maps included. Otherwise it returns nil.
func paramCopy(a *ssa.Alloc) *ssa.Parameter {
	if a.Heap {
		return nil
	}
	p, ok := storedOnce(a).(*ssa.Parameter)
	if !ok || p.Parent() != a.Parent() {
		return nil
	}
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a && st.Val == p {
			continue
		}
		if !readOnly(r, 0) {
			return nil
		}
	}
	return p
}

// readOnly reports whether the instruction r, a use of an address, only
// reads through it: a load, or a field address only read in turn.
func readOnly(r ssa.Instruction, depth int) bool {
	switch r := r.(type) {
	case *ssa.UnOp:
		return r.Op == token.MUL
	case *ssa.FieldAddr:
		if depth > 4 {
			return false
		}
		for _, u := range *r.Referrers() {
			if !readOnly(u, depth+1) {
				return false
			}
		}
		return true
	case *ssa.DebugRef:
		return true
	}
	return false
}
