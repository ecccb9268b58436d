package apis

import "go/types"

// syncTypes are the types of package sync that a user's interface may stand
// for, in the order they are tried: where two of them have a method of the
// same name and signature (Lock, Unlock, TryLock of Mutex and RWMutex),
// that method plays the same role in both.
var syncTypes = [...]string{"RWMutex", "Mutex", "WaitGroup"}

// standsFor returns the method of a sync type that fn, a method of an
// interface declared outside sync, stands for, or nil.
//
// Code that wants to swap its mutexes (a deadlock-detecting build, a
// logging one) declares interfaces over them and hands out *sync.Mutex
// values: syncthing's lib/sync has Mutex{Lock; Unlock},
// RWMutex{Mutex; RLock; RUnlock} and WaitGroup{Add; Done; Wait}, returned
// by constructors that give &sync.Mutex{} and friends. A call of
// mu.Lock() through such an interface is a lock operation: treating it as
// an unknown call would make every access it guards look unguarded.
//
// The rule is structural, by identity of types, not of names: the
// interface has at least two methods, and *sync.T implements it (so each
// of its methods is a method of sync.T with the same signature); its
// method then plays the role of sync.T's. One method is not enough to say
// what an interface abstracts: interface{ Wait() } is implemented by
// *sync.WaitGroup and *sync.Cond alike, and by types that wait for
// anything. The sync package is found among the direct imports of the
// interface's package: an interface meant to hold sync's types is
// declared next to the code that makes them.
func standsFor(fn *types.Func) *types.Func {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() == "sync" {
		return nil
	}
	recv := types.Unalias(sig.Recv().Type())
	if _, isParam := recv.(*types.TypeParam); isParam {
		return nil
	}
	iface, ok := recv.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() < 2 {
		return nil
	}
	var syncPkg *types.Package
	for _, p := range fn.Pkg().Imports() {
		if p.Path() == "sync" {
			syncPkg = p
			break
		}
	}
	if syncPkg == nil {
		return nil
	}
	for _, name := range syncTypes {
		tn, ok := syncPkg.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		ptr := types.NewPointer(tn.Type())
		if !types.Implements(ptr, iface) {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(ptr, false, syncPkg, fn.Name()); m != nil {
			if f, ok := m.(*types.Func); ok {
				return f
			}
		}
	}
	return nil
}
