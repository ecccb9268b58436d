package concurrentwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// checkCaptured reports accesses, in closures, to a local map that the
// closures of the same function mostly make holding a mutex local to that
// function, made without it:
//
//	mapLock := sync.Mutex{}
//	metrics := make(map[string]*Metric)
//	return func(e Event) {
//		metrics[e.Name] = newMetric() // reported
//		mapLock.Lock()
//		m := metrics[e.Name]
//		mapLock.Unlock()
//	}
//
// The mutex is a local variable that only the function's closures can
// reach: locking it says that they run at the same time as one another
// (or as themselves), wherever their callers run them. A map they capture
// with it, accessed under it at least as often as not, is guarded by it,
// in the closures that capture the mutex; the enclosing function's own
// accesses, and those of closures that do not capture it, are left to the
// goroutine checks.
// filecoin-project/lassie#339: the Server-Timing subscriber, called by
// the events of concurrent retrievals, locked mapLock around the reads of
// its maps but not around the writes. Reads are reported with
// -concurrentwrite.reads, as for the other guarded maps.
func (ck *checker) checkCaptured(accs []*access) {
	groups := make(map[mapid.ID][]*access)
	var order []mapid.ID
	for _, a := range accs {
		if a.id.Kind != mapid.Local || a.fn.Parent() == nil || a.fresh {
			continue
		}
		if _, ok := groups[a.id]; !ok {
			order = append(order, a.id)
		}
		groups[a.id] = append(groups[a.id], a)
	}
	for _, id := range order {
		group := groups[id]
		l, ok := capturedGuard(group)
		if !ok {
			continue
		}
		var locked *access
		for _, a := range group {
			if held(a, l, !a.Write) {
				locked = a
				break
			}
		}
		// Writes first: an op-assignment reads and writes at one place,
		// and is reported as the write.
		sorted := slices.Clone(group)
		slices.SortStableFunc(sorted, func(x, y *access) int {
			if x.Write == y.Write {
				return 0
			}
			if x.Write {
				return -1
			}
			return 1
		})
		for _, a := range sorted {
			if held(a, l, !a.Write) || a.held.Len() > 0 || a.may.Len() > 0 || !ck.inFile(a.Pos) || (!a.Write && !ck.Reads) || !captures(a.fn, localMutex(l.Ref)) {
				continue
			}
			verb, cat := "write to", CategoryUnguarded
			if !a.Write {
				verb, cat = "read of", CategoryRead
			}
			name := ck.lockName(l)
			fix, why := ck.capturedFix(a, l)
			ck.addFix(analysis.Diagnostic{
				Pos:      a.Pos,
				Category: cat,
				Message: fmt.Sprintf("concurrent %s map %s without %s (held: none); the closures that capture both lock it",
					verb, ck.mapName(a), name),
				Related: []analysis.RelatedInformation{{Pos: locked.Pos, Message: fmt.Sprintf("%s of %s holding %s", opNoun(locked), ck.mapName(locked), name)}},
			}, fix, why)
		}
	}
}

// capturedFix returns the fix that takes the local mutex l around the
// access a, in a closure that captures it: the fix of the other guarded
// accesses (wrapFixWith, with its refusals: a statement that calls a
// function that may take a lock, a closure that defers the unlock or that
// the package calls, whose callers may hold the mutex), with
// the read lock for a read when the mutex is an RWMutex. The name that
// locks l must name the same variable at a: a declaration in between
// that shadows it leaves no fix.
func (ck *checker) capturedFix(a *access, l lockset.Lock) ([]analysis.SuggestedFix, string) {
	name := ck.lockName(l)
	_, _, sel, ok := ck.lockCall(l)
	if !ok {
		return nil, fmt.Sprintf("%s is locked by a helper, not by a call the fix can repeat", name)
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, fmt.Sprintf("%s is not named by a variable the fix can repeat", name)
	}
	obj := ck.pass.TypesInfo.Uses[id]
	scope := ck.pass.Pkg.Scope().Innermost(a.Pos)
	if obj == nil || scope == nil {
		return nil, fmt.Sprintf("%s is not named by a variable the fix can repeat", name)
	}
	if _, at := scope.LookupParent(id.Name, a.Pos); at != obj {
		return nil, fmt.Sprintf("%s names another variable at the access", id.Name)
	}
	lock, unlock := "Lock", "Unlock"
	if !a.Write {
		rl, ok1 := ck.methodWithRole(id, apis.RLock)
		ru, ok2 := ck.methodWithRole(id, apis.RUnlock)
		if ok1 && ok2 {
			lock, unlock = rl, ru
		}
	}
	return ck.wrapFixWith(a, id.Name, l.Ref, lock, unlock)
}

// capturedGuard returns the lock that guards the local map whose accesses
// in closures are group: a mutex local to the function that makes the
// closures, reached by them only, held at no fewer than half of the
// places that access the map (an op-assignment reads and writes in one).
func capturedGuard(group []*access) (lockset.Lock, bool) {
	type count struct {
		l   lockset.Lock
		pos map[token.Pos]bool
	}
	var counts []*count
	all := make(map[token.Pos]bool)
	for _, a := range group {
		all[a.Pos] = true
		for _, l := range a.held.Locks() {
			if localMutex(l.Ref) == nil {
				continue
			}
			var c *count
			for _, e := range counts {
				if sameLocal(e.l.Ref, l.Ref) {
					c = e
				}
			}
			if c == nil {
				c = &count{l: l, pos: make(map[token.Pos]bool)}
				counts = append(counts, c)
			}
			c.pos[a.Pos] = true
		}
	}
	var best *count
	for _, c := range counts {
		if best == nil || len(c.pos) > len(best.pos) {
			best = c
		}
	}
	if best == nil || 2*len(best.pos) < len(all) {
		return lockset.Lock{}, false
	}
	return best.l, true
}

// held reports whether a holds l (for reading, if read).
func held(a *access, l lockset.Lock, read bool) bool {
	for _, h := range a.held.Locks() {
		if sameLocal(h.Ref, l.Ref) && (read || !h.Read) {
			return true
		}
	}
	return false
}

// captures reports whether fn, or a closure that encloses it, captures
// the variable alloc: a closure that does not (a sort.Slice comparator
// reading the map after the goroutines that lock are done) says nothing
// of running alongside those that do.
func captures(fn *ssa.Function, alloc *ssa.Alloc) bool {
	for f := fn; f != nil && f.Parent() != nil; f = f.Parent() {
		for _, fv := range f.FreeVars {
			if localMutex(mapid.Ref{Root: fv}) == alloc {
				return true
			}
		}
	}
	return false
}

// sameLocal reports whether two lock refs name the same local mutex.
func sameLocal(a, b mapid.Ref) bool {
	x, y := localMutex(a), localMutex(b)
	return x != nil && x == y
}

// localMutex returns the local variable that ref names when it is a mutex
// of a function (through the free variables of its closures) whose
// address only its closures receive; nil otherwise.
func localMutex(ref mapid.Ref) *ssa.Alloc {
	if !ref.Path.IsEmpty() {
		return nil
	}
	v := ref.Root
	for depth := 0; depth < 4; depth++ {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			break
		}
		v = mapid.Binding(fv)
	}
	alloc, ok := v.(*ssa.Alloc)
	if !ok || !alloc.Heap {
		return nil
	}
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.MakeClosure:
		case *ssa.Store:
			if r.Val == alloc {
				return nil
			}
		case *ssa.Call:
			// mu.Lock() on the variable itself, in the function.
			if len(r.Call.Args) == 0 || r.Call.Args[0] != alloc || r.Call.StaticCallee() == nil || r.Call.StaticCallee().Pkg == nil || r.Call.StaticCallee().Pkg.Pkg.Path() != "sync" {
				return nil
			}
		default:
			return nil
		}
	}
	return alloc
}
