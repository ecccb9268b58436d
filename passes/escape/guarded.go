package escape

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// A load reads the reference of a guarded map while its guard is held:
// the point where the map may escape.
type load struct {
	fn   *ssa.Function
	v    ssa.Value // the *ssa.UnOp or *ssa.Field that reads the map
	id   mapid.ID
	name string    // c.items
	lock mapid.Ref // the guard of this object's map
	held map[ssa.Instruction]lockset.Set
	exit lockset.Set
}

// An escape is one way the map leaves its guard.
type escape struct {
	how    string    // the evidence, for the message
	at     token.Pos // the later use, the return, the store
	unlock token.Pos // the unlock before the use, if known
	nested bool      // a map held inside the guarded one escapes
}

// maps of the package whose entries are written where the map is shared.
type written struct {
	direct map[mapid.ID]bool // m[k] = v, delete(m, k)... on the map itself
	nested map[mapid.ID]bool // m[k1][k2] = v: on a map held in it
}

// checkGuarded reports guarded maps read under their lock whose reference
// outlives the critical section:
//
//	cc.mu.Lock()
//	conns := cc.conns
//	cc.mu.Unlock()
//	for ac := range conns { // reported at cc.conns
//
// A map is guarded when guards infers or is told its lock, and only when
// its entries are written where it is shared: a map that is replaced
// whole under the lock and never written after (copy on write, immutable
// after publish) may be read by anyone who holds a reference.
func (ck *checker) checkGuarded() {
	gr := ck.pass.ResultOf[guards.Analyzer].(*guards.Result)
	fns := ck.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	w := writtenMaps(gr, fns)
	for _, fn := range fns {
		r := gr.Locks.Result(fn)
		if r == nil || r.TryLocks || r.Opaque || gr.Alone[fn] || goroutine.InTestFile(fn) || len(fn.Blocks) == 0 {
			continue
		}
		var loads []*load
		held := make(map[ssa.Instruction]lockset.Set)
		r.Each(func(instr ssa.Instruction, h lockset.Set) {
			held[instr] = h
			if l := guardedLoad(gr, w, fn, instr, h); l != nil {
				loads = append(loads, l)
			}
		})
		if len(loads) == 0 {
			continue
		}
		entry := held[fn.Blocks[0].Instrs[0]]
		exit, _ := r.Exit()
		for _, l := range loads {
			if entry.Holds(l.lock, true) {
				continue // the caller's lock: the caller decides what escapes
			}
			l.held, l.exit = held, exit
			if detached(l) {
				continue
			}
			if e, writes, ok := ck.follow(gr, w, l); ok {
				ck.reportEscape(l, e, writes)
			}
		}
	}
}

// detached reports whether the critical section that loads the map also
// replaces it in its field before anything else can run: the snapshot and
// swap
//
//	mu.Lock(); m := t.idle; t.idle = nil; mu.Unlock(); for ... range m
//
// leaves m reachable only from this function, which may then use it
// without the lock. Only a replacement later in the load's block and under
// the lock counts: a store to the same field of the same object (compared
// as refs, so a receiver that a closure captures, and go/ssa keeps in a
// cell, is still one object), or a static call of a function (a method of
// a generic type read through its origin, which has the body) that stores
// into that field of its argument on every path (grpc's
// cc.initIdleStateLocked, which makes cc.conns afresh).
func detached(l *load) bool {
	ld, ok := l.v.(*ssa.UnOp)
	if !ok {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	base := mapid.RefOf(fa.X)
	after := false
	for _, instr := range ld.Block().Instrs {
		if instr == ld {
			after = true
			continue
		}
		if !after {
			continue
		}
		if h, in := l.held[instr]; !in || !h.Holds(l.lock, false) {
			continue
		}
		switch instr := instr.(type) {
		case *ssa.Store:
			if sa, ok := instr.Addr.(*ssa.FieldAddr); ok && sa.Field == fa.Field && mapid.RefOf(sa.X).Equal(base) {
				return true
			}
		case *ssa.Call:
			callee := apis.StaticCallee(&instr.Call)
			if callee == nil || instr.Call.IsInvoke() {
				continue
			}
			for i, arg := range instr.Call.Args {
				if i < len(callee.Params) && mapid.RefOf(arg).Equal(base) && replacesField(callee, callee.Params[i], fa.Field) {
					return true
				}
			}
		}
	}
	return false
}

// replacesField reports whether fn stores into field f of the struct its
// parameter prm points to on every path through it: a store in its entry
// block, which every call runs to its end unless it panics.
func replacesField(fn *ssa.Function, prm *ssa.Parameter, f int) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	for _, instr := range fn.Blocks[0].Instrs {
		st, ok := instr.(*ssa.Store)
		if !ok {
			continue
		}
		if sa, ok := st.Addr.(*ssa.FieldAddr); ok && sa.Field == f {
			if r := mapid.RefOf(sa.X); r.Root == prm && r.Path.IsEmpty() {
				return true
			}
		}
	}
	return false
}

// writtenMaps finds the shared maps whose entries are written by the
// package's own code. Writes in test files do not count: a test that fills
// a map field with fixtures (prometheus's notifier tests set
// m.alertmanagers["1"] inside synctest.Test before starting anything) says
// nothing about whether the package modifies a map it has published, and
// the pass reports in non-test code only.
func writtenMaps(gr *guards.Result, fns []*ssa.Function) written {
	w := written{direct: make(map[mapid.ID]bool), nested: make(map[mapid.ID]bool)}
	for _, a := range gr.Accesses {
		if a.Write && !a.Fresh && !goroutine.InTestFile(a.Fn) {
			w.direct[a.ID] = true
		}
	}
	for _, fn := range fns {
		if gr.Alone[fn] || goroutine.InTestFile(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, a := range mapid.Accesses(instr) {
					if !a.Write {
						continue
					}
					if outer := lookupOf(a.Map); outer != nil {
						if id, _ := mapid.Of(outer); id.Kind == mapid.Field || id.Kind == mapid.Global {
							w.nested[id] = true
						}
					}
				}
			}
		}
	}
	return w
}

// lookupOf returns the map that v was looked up in (m for m[k], also
// through v, ok := m[k]), or nil.
func lookupOf(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.Lookup:
		if apis.IsMap(v.X.Type()) {
			return v.X
		}
	case *ssa.Extract:
		if v.Index == 0 {
			return lookupOf(v.Tuple)
		}
	}
	return nil
}

// guardedLoad returns the load made by instr of a guarded map while its
// guard is held, or nil.
func guardedLoad(gr *guards.Result, w written, fn *ssa.Function, instr ssa.Instruction, h lockset.Set) *load {
	v, ok := instr.(ssa.Value)
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
	case *ssa.Field:
	default:
		return nil
	}
	if !apis.IsMap(v.Type()) {
		return nil
	}
	id, base := mapid.Of(v)
	if (id.Kind != mapid.Field && id.Kind != mapid.Global) || (!w.direct[id] && !w.nested[id]) {
		return nil
	}
	g, ok := gr.Guard(id)
	if !ok {
		return nil
	}
	var b mapid.Ref
	name := ""
	switch id.Kind {
	case mapid.Field:
		b = mapid.RefOf(base)
		if gr.IsFresh(fn, b) {
			return nil
		}
		name = b.Append(id.FieldStep()).String()
	case mapid.Global:
		if g.Abs.IsZero() {
			return nil
		}
		name = id.Global.Name()
	}
	// The lock held among the guard and those tied with it (see
	// guard.Infer): the critical section the map leaves.
	lock, ok := g.HeldLock(b, h, true)
	if !ok {
		return nil
	}
	return &load{fn: fn, v: v, id: id, name: name, lock: lock}
}

// reportEscape reports the escape e of l, with the fix that copies the map
// where it is read under the lock, or why a copy is not safe.
func (ck *checker) reportEscape(l *load, e escape, writes bool) {
	name := "map " + l.name
	if e.nested {
		name = "a map held in " + l.name
	}
	pos := l.v.Pos()
	if fa, ok := addrOf(l.v).(*ssa.FieldAddr); ok && fa.Pos().IsValid() {
		pos = fa.Pos()
	}
	if !pos.IsValid() {
		pos = e.at
	}
	d := analysis.Diagnostic{
		Pos:      pos,
		Category: CategoryGuard,
		Message:  fmt.Sprintf("%s escapes its guard %s: %s", name, l.lock.String(), e.how),
	}
	if e.unlock.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: e.unlock, Message: "the lock is released here"})
	}
	if e.at.IsValid() && e.at != pos {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: e.at, Message: "used here without the lock"})
	}
	var fixes []analysis.SuggestedFix
	why := ""
	switch {
	case e.nested:
		why = fmt.Sprintf("a copy of %s would still share the maps held in it", l.name)
	case writes:
		why = "the function writes the map through this reference, and a copy would lose the writes"
	default:
		fixes, why = ck.cloneFix(l, pos)
	}
	ck.add(d, fixes, why)
}

// addrOf returns the address a load reads (the FieldAddr of *&c.items).
func addrOf(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok {
		return u.X
	}
	return nil
}

// isIterator reports whether t is a function type: the result of a call
// that reads its map argument lazily (maps.Keys, maps.All) is an iterator
// that reads the map when it is called.
func isIterator(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
