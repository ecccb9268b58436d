package concurrentwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// laterCalls returns the accesses that the spawner of sp makes through the
// functions of the package it calls after the spawn, while the goroutine may
// run (go s.sendLoop(); s.recvLoop()), named in the spawner's frame.
func (ck *checker) laterCalls(sp *spawn, byFn map[*ssa.Function][]*access) []*gaccess {
	r := ck.lp.Result(sp.parent)
	if r == nil {
		return nil
	}
	var out []*gaccess
	r.Each(func(instr ssa.Instruction, held lockset.Set) {
		c, ok := instr.(*ssa.Call)
		if !ok || !ck.after(sp, c) {
			return
		}
		callee := apis.StaticCallee(&c.Call)
		if callee == nil || ck.lp.Result(callee) == nil || len(c.Call.Args) != len(callee.Params) {
			return
		}
		call := &spawn{
			Spawn:  &goroutine.Spawn{Instr: c, Kind: goroutine.Go, Fn: callee, Args: c.Call.Args},
			parent: sp.parent,
			locked: held.Len() > 0 || r.MayHold(instr).Len() > 0,
		}
		ck.reach(call, byFn)
		for _, a := range call.accs {
			if a.outer {
				a.top = c
				out = append(out, a)
			}
		}
	})
	return out
}

// checkObjects pairs the accesses of a goroutine that a method or a
// constructor starts, and that outlives it, with the accesses of the
// exported methods of the same object, which its users call meanwhile:
//
//	func NewPool() *Pool { p := &Pool{idle: map[string]*conn{}}; go p.reap(); return p }
//	func (p *Pool) reap() { for range time.Tick(time.Minute) { clear(p.idle) } }
//	func (p *Pool) Put(k string, c *conn) { p.idle[k] = c } // reported
//
// A method that waits for anything (a channel receive, a select, Wait) is
// taken to hand its work over to the goroutine and is not paired.
func (ck *checker) checkObjects(spawns []*spawn, fns []*ssa.Function, byFn map[*ssa.Function][]*access) {
	methods := make(map[*types.Named][]*spawn) // exported methods, as handler-like spawns
	for _, fn := range fns {
		if n := guards.RecvNamed(fn); n != nil && ck.gr.Callable(fn) && !waits(fn) {
			m := &spawn{Spawn: &goroutine.Spawn{Kind: goroutine.Handler, Fn: fn}}
			methods[n] = append(methods[n], m)
		}
	}
	type key struct {
		m    *spawn
		skip *ssa.Function
	}
	reached := make(map[key][]*gaccess)
	for _, sp := range spawns {
		if sp.parent == nil || sp.Kind == goroutine.Subtest || !outlives(sp) || handedBack(sp) {
			continue
		}
		n, root := objectOf(sp.parent)
		if n == nil {
			continue
		}
		var mine []*gaccess
		for _, a := range sp.accs {
			if a.base.Root == root && a.outer {
				mine = append(mine, a)
			} else if b, ok := throughCell(a.base, root); ok && a.outer {
				c := *a
				c.base = b
				mine = append(mine, &c)
			} else if b, ok := throughField(a.base, root); ok && a.outer {
				c := *a
				c.base = b
				mine = append(mine, &c)
			}
		}
		if len(mine) == 0 {
			continue
		}
		iter := ck.noteIter(sp, mine)
		for _, m := range methods[n] {
			if m.Fn == sp.parent || ck.isSetup(m.Fn) {
				continue // a setup method runs before the goroutine
			}
			k := key{m, sp.parent}
			if _, ok := reached[k]; !ok {
				reached[k] = ck.reachPaired(m, sp.parent, byFn)
			}
			var theirs []*gaccess
			for _, a := range reached[k] {
				// What the method reaches through a goroutine it
				// starts runs there, not alongside the method's caller:
				// a handler closure that SetupHandlers registers is the
				// spawn paired here, not the method (prometheus's moby
				// SDMock, whose test serves one request at a time).
				// What it reaches through a call of the spawner
				// precedes the spawn, or follows it in the spawner,
				// which pairs it with its own goroutine: asynq's Run
				// calls Start, whose initialSync fills mgr.m before
				// starting the syncer goroutine. Pairing it here would
				// take the spawner to run twice at once, which the
				// spawner itself (skipped above) is not taken to do.
				if a.base.Root == m.Fn.Params[0] && !a.spawned {
					theirs = append(theirs, a)
				}
			}
			if iter {
				ck.deferIter(mine, theirs, sp, m)
				continue // its callers decide (iterator.go)
			}
			if ck.deferPhase(mine, theirs, sp, m) {
				continue // the module's callers decide (phaseorder.go)
			}
			ck.pairObject(mine, theirs, sp, m)
		}
	}
}

// pairObject reports the unlocked writes of a goroutine's accesses mine
// and of an exported method's accesses theirs that reach the same map of
// the object.
func (ck *checker) pairObject(mine, theirs []*gaccess, sp, m *spawn) {
	same := func(a, b *gaccess) bool {
		return a.id == b.id && a.base.Path.FieldLoads().Equal(b.base.Path.FieldLoads())
	}
	for _, w := range mine {
		if !w.Write || w.locked {
			continue
		}
		for _, o := range theirs {
			if same(w, o) {
				ck.reportRace(w.access, o.access, sp, ck.funcName(m.Fn))
				break
			}
		}
	}
	for _, w := range theirs {
		if !w.Write || w.locked {
			continue
		}
		for _, o := range mine {
			if same(w, o) {
				ck.reportRace(w.access, o.access, sp, ck.describe(sp))
				break
			}
		}
	}
	ck.pairObjectReads(mine, theirs, same, sp, ck.funcName(m.Fn))
	ck.pairObjectReads(theirs, mine, same, sp, ck.describe(sp))
}

// pairObjectReads reports each read of rs holding no lock that reaches the
// same map of the object as an unlocked write of ws, itself reported (by
// default, as readPairs does: it adds where the crash happens to a finding
// the pass makes anyway): micromdm's dispatch goroutine, started by
// NewPubSub, ranged over p.subscriptions while Subscribe appended to it. A
// read of a reference loaded under a lock is left alone, as in readPairs.
func (ck *checker) pairObjectReads(rs, ws []*gaccess, same func(a, b *gaccess) bool, sp *spawn, by string) {
	for _, r := range rs {
		if r.Write || r.locked || (r.g != nil && r.g.Loaded.Len() > 0) {
			continue
		}
		for _, w := range ws {
			if w.Write && !w.locked && same(r, w) {
				ck.reportReadRace(r.access, w.access, sp, by)
				break
			}
		}
	}
}

// objectOf returns the named type of the object that fn works on and the
// value standing for it: a method's receiver, or the object a constructor
// allocates and returns.
func objectOf(fn *ssa.Function) (*types.Named, ssa.Value) {
	if n := guards.RecvNamed(fn); n != nil && len(fn.Params) > 0 {
		return n, fn.Params[0]
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		if a, ok := madeObject(ret.Results[0]); ok {
			if n := guards.NamedOf(a.Type()); n != nil {
				return n, a
			}
		}
		// A struct value built in place and returned by value:
		// return rateLimiter{registry: registry}.
		if ld, ok := ret.Results[0].(*ssa.UnOp); ok && ld.Op == token.MUL {
			if a, ok := ld.X.(*ssa.Alloc); ok && !a.Heap {
				if n := guards.NamedOf(a.Type()); n != nil {
					return n, a
				}
			}
		}
	}
	return nil, nil
}

// madeObject returns the object v stands for when it is one the function
// allocates: the allocation itself, or a load of the variable that holds
// it, when a closure captures the variable (go/ssa then keeps it in a
// cell) and nothing but that one store and loads touch it: d := &T{};
// go func() { … d.m … }(); return d.
func madeObject(v ssa.Value) (*ssa.Alloc, bool) {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = mapid.SoleValue(ld.X)
	}
	a, ok := v.(*ssa.Alloc)
	return a, ok && a.Heap
}

// throughCell names base, the object of an access that a closure reaches
// through the captured variable holding root (the cell's path, then a
// load), as the object root itself.
func throughCell(base mapid.Ref, root ssa.Value) (mapid.Ref, bool) {
	cell, ok := base.Root.(*ssa.Alloc)
	if !ok || root == nil || mapid.SoleValue(cell) != root {
		return mapid.Ref{}, false
	}
	rest, ok := base.Path.TrimPrefix(mapid.PathOf(mapid.Deref()))
	if !ok {
		return mapid.Ref{}, false
	}
	return mapid.Ref{Root: root, Path: rest}, true
}

// throughField names base, the object of an access that a closure of a
// constructor reaches through a captured variable, as a field of the
// object root that the constructor returns, when the variable's one value
// is stored into that field: registry := limiters.NewRegistry(); go
// func() { registry.DeleteExpired(…) }(); return rateLimiter{registry:
// registry} (mennanov/limiters#71). The field's value is named as the
// methods name it, up to how they load it (Path.FieldLoads).
func throughField(base mapid.Ref, root ssa.Value) (mapid.Ref, bool) {
	obj, ok := root.(*ssa.Alloc)
	cell, isCell := base.Root.(*ssa.Alloc)
	if !ok || !isCell || cell == obj {
		return mapid.Ref{}, false
	}
	rest, ok := base.Path.TrimPrefix(mapid.PathOf(mapid.Deref()))
	v := mapid.SoleValue(cell)
	if !ok || v == nil {
		return mapid.Ref{}, false
	}
	for _, u := range *obj.Referrers() {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || fa.X != obj || !storesOnly(fa, v, cell) {
			continue
		}
		return mapid.Ref{Root: obj, Path: mapid.PathOf(mapid.FieldOf(obj.Type(), fa.Field)).Concat(rest)}, true
	}
	return mapid.Ref{}, false
}

// storesOnly reports whether the field address fa is used only to store
// v, itself or loaded from cell, the variable whose one value it is: the
// field holds v and nothing else.
func storesOnly(fa *ssa.FieldAddr, v ssa.Value, cell *ssa.Alloc) bool {
	refs := *fa.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != fa {
			return false
		}
		if ld, ok := st.Val.(*ssa.UnOp); st.Val != v && (!ok || ld.Op != token.MUL || ld.X != cell) {
			return false
		}
	}
	return true
}

// outlives reports whether the goroutine of sp may still run when its
// spawner returns: a return follows the spawn with no wait between.
func outlives(sp *spawn) bool {
	for _, b := range sp.parent.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && goroutine.After(sp.Instr, ret) {
			return true
		}
	}
	return false
}

// handedBack reports whether sp is a handler that its function only hands
// back to its caller (return http.HandlerFunc(func…)): nothing in the
// package serves it, the caller does, after whatever configuration it makes
// through the object's other methods (go-chi/chi's Compressor.SetEncoder
// before serving Compressor.Handler). A ServeHTTP method is not paired with
// its type's other methods for the same reason; the handler is still paired
// with concurrent requests to itself.
func handedBack(sp *spawn) bool {
	conv, ok := sp.Instr.(*ssa.ChangeType) // the conversion to http.HandlerFunc
	if sp.Kind != goroutine.Handler || !ok {
		return false
	}
	seen := map[ssa.Value]bool{}
	var only func(v ssa.Value) bool
	only = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Return:
			case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Phi:
				if !only(ref.(ssa.Value)) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return only(conv)
}

// waits reports whether fn receives from a channel, selects or waits.
func waits(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if goroutine.Orders(instr) {
				return true
			}
		}
	}
	return false
}

// A target is a function that a call runs, with the values bound to its
// parameters (nil where unknown).
type target struct {
	fn   *ssa.Function
	args []ssa.Value
}

// targetsOf returns the functions of the package that the call c (of a
// call, go or defer statement) runs, as seen from a goroutine walking the
// env e: its static callee; the function value it calls when that is a
// parameter bound to a function or closure (go func() { f() }() with f
// passed in); and the functions and closures it passes to a function of
// another package, which runs them during the call or in a goroutine of
// its own (wait.Until(c.worker, ...)), either way alongside the spawner;
// for an interface method call, the package's implementations, and for a
// call of a func field, the one function the package stores in it
// (lockset.DynTargets).
func (ck *checker) targetsOf(c *ssa.CallCommon, e *env) []target {
	if callee := apis.StaticCallee(c); callee != nil {
		if ck.lp.Result(callee) != nil {
			return []target{{callee, c.Args}}
		}
		if _, ok := apis.Of(c, apis.RunOnce); ok {
			return nil // a sync.Once body runs once: ordered, see onceBodies
		}
		var out []target
		for _, a := range c.Args {
			if fn, bound := goroutine.Target(a); fn != nil && ck.lp.Result(fn) != nil {
				out = append(out, target{fn, padArgs(fn, bound)})
			}
		}
		return out
	}
	if dyn := ck.lp.DynTargets(c); len(dyn) > 0 {
		// An interface method call runs one of the package's
		// implementations; a func field, the one function stored in it.
		out := make([]target, 0, len(dyn))
		for _, t := range dyn {
			out = append(out, target{t.Fn, t.Args})
		}
		return out
	}
	if c.IsInvoke() {
		return nil
	}
	v := c.Value
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X // a captured variable's cell
	}
	if p, ok := v.(*ssa.Parameter); ok {
		v, _ = e.lookup(p)
	}
	switch v.(type) {
	case *ssa.FreeVar, *ssa.Alloc:
		// f := func() { ... }; go func() { f() }(): a function the call
		// may run is enough to find accesses it may make (see
		// mapid.StoredOnce).
		v = mapid.StoredOnce(v)
	}
	if fn, bound := goroutine.Target(v); fn != nil && len(bound) == 0 {
		return []target{{fn, c.Args}}
	}
	return nil
}

// padArgs returns bound (a bound method value's receiver) followed by
// unknown values for fn's other parameters.
func padArgs(fn *ssa.Function, bound []ssa.Value) []ssa.Value {
	out := make([]ssa.Value, len(fn.Params))
	copy(out, bound)
	return out
}
