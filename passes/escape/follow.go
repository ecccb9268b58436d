package escape

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// An alias is a value that refers to the loaded map: the load itself, a
// copy of the reference (phi, conversion, a local variable), a map held
// in it (nested), or an iterator over it.
type alias struct {
	v      ssa.Value
	nested bool
	iter   bool
}

// follow walks the aliases of l's map in its function and returns the
// first way the map leaves the critical section, and whether the function
// writes the map through an alias (a copy would lose those writes).
//
// Within the function, a use is an escape when the guard is no longer held
// there (the load held it, so an unlock came in between). Leaving the
// function — returned, stored in a field or package variable, passed to a
// goroutine, captured by a function literal that runs later — is an escape
// whatever the locks at that point: the holder of the reference uses it
// without them.
func (ck *checker) follow(gr *guards.Result, w written, l *load) (escape, bool, bool) {
	work := []alias{{v: l.v}}
	seen := map[ssa.Value]bool{l.v: true}
	push := func(a alias) {
		if !seen[a.v] {
			seen[a.v] = true
			work = append(work, a)
		}
	}
	var found escape
	ok, writes := false, false
	for len(work) > 0 {
		a := work[len(work)-1]
		work = work[:len(work)-1]
		refs := a.v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			for _, acc := range mapid.Accesses(instr) {
				if acc.Map != a.v || acc.Op == "len" {
					continue // len reads one word, and stale counts are common by design
				}
				writes = writes || acc.Write
				// Released, not merely held for reading: a write holding
				// only the read lock never left the critical section, and
				// is concurrentwrite's finding (prometheus's agent truncate
				// deletes under RLock with no unlock in between).
				if h, in := l.held[instr]; in && !h.Holds(l.lock, true) && !ok {
					found, ok = escape{how: opPhrase(acc) + " after the unlock", at: acc.Pos, unlock: ck.unlockOf(l), nested: a.nested}, true
				}
			}
			if e, esc := ck.use(gr, w, l, a, instr, push); esc && !ok {
				found, ok = e, true
			}
		}
	}
	return found, writes, ok
}

// use classifies one use of alias a by instr: it may push new aliases, or
// be an escape.
func (ck *checker) use(gr *guards.Result, w written, l *load, a alias, instr ssa.Instruction, push func(alias)) (escape, bool) {
	switch u := instr.(type) {
	case *ssa.Phi:
		push(alias{v: u, nested: a.nested, iter: a.iter})
	case *ssa.ChangeType:
		push(alias{v: u, nested: a.nested, iter: a.iter})
	case *ssa.Lookup:
		if u.X == a.v && !a.iter && w.nested[l.id] && apis.IsMap(u.Type()) {
			push(alias{v: u, nested: true})
		} else if u.X == a.v && u.CommaOk && w.nested[l.id] {
			for _, r := range *u.Referrers() {
				if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 && apis.IsMap(ex.Type()) {
					push(alias{v: ex, nested: true})
				}
			}
		}
	case *ssa.Return:
		if l.exit.Holds(l.lock, true) {
			break // the caller gets the lock with the map
		}
		if a.iter {
			return escape{how: "returned as an iterator, which callers run without the lock", at: u.Pos(), nested: a.nested}, true
		}
		return escape{how: "returned to callers, who use it without the lock", at: u.Pos(), nested: a.nested}, true
	case *ssa.Store:
		if u.Val == a.v {
			return ck.store(gr, l, a, u, push)
		}
	case *ssa.MakeClosure:
		return ck.captured(l, a, u)
	case *ssa.Go:
		if !a.iter {
			return escape{how: "passed to a goroutine, which uses it without the lock", at: u.Pos(), nested: a.nested}, true
		}
	case *ssa.Call:
		return ck.call(l, a, u, push)
	}
	return escape{}, false
}

// call handles a call that a flows into: an iterator built over the map
// (maps.Keys), or an iterator called or handed over after the unlock.
func (ck *checker) call(l *load, a alias, c *ssa.Call, push func(alias)) (escape, bool) {
	h, in := l.held[c]
	if a.iter {
		if in && !h.Holds(l.lock, true) {
			return escape{how: "iterated after the unlock", at: c.Pos(), unlock: ck.unlockOf(l), nested: a.nested}, true
		}
		return escape{}, false
	}
	if c.Call.Value == a.v {
		return escape{}, false
	}
	if r, ok := apis.Of(&c.Call, apis.MapRead); ok && apis.Arg(&c.Call, r.Arg) == a.v && isIterator(c.Type()) {
		push(alias{v: c, nested: a.nested, iter: true})
	}
	return escape{}, false
}

// store handles `dst = m`: into a local variable, it is an alias; into a
// package variable or a field of another object (or of this one, under
// another guard), the map outlives the critical section.
func (ck *checker) store(gr *guards.Result, l *load, a alias, s *ssa.Store, push func(alias)) (escape, bool) {
	switch addr := s.Addr.(type) {
	case *ssa.Alloc:
		for _, r := range *addr.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op == token.MUL {
					push(alias{v: r, nested: a.nested, iter: a.iter})
				}
			case *ssa.MakeClosure:
				if e, ok := ck.captured(l, alias{v: addr, nested: a.nested, iter: a.iter}, r); ok {
					return e, true
				}
			}
		}
	case *ssa.Global:
		return escape{how: fmt.Sprintf("stored in package variable %s, which outlives the critical section", addr.Name()), at: s.Pos(), nested: a.nested}, true
	case *ssa.FieldAddr:
		ref := mapid.RefOf(addr)
		switch ref.Root.(type) {
		case *ssa.Parameter, *ssa.Global:
		default:
			return escape{}, false // a local object: followed no further
		}
		id := mapid.FieldID(addr.X.Type(), addr.Field)
		if g, ok := gr.Guard(id); ok && g.Is(mapid.RefOf(addr.X), l.lock) {
			return escape{}, false // kept under the same guard
		}
		return escape{how: fmt.Sprintf("stored in %s, which outlives the critical section", ref.String()), at: s.Pos(), nested: a.nested}, true
	}
	return escape{}, false
}

// captured handles a function literal that captures a: it escapes when the
// literal reads the map and runs in a goroutine, is stored, returned, or
// called after the unlock.
func (ck *checker) captured(l *load, a alias, mc *ssa.MakeClosure) (escape, bool) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return escape{}, false
	}
	used := false
	for i, b := range mc.Bindings {
		if b == a.v && i < len(fn.FreeVars) && usesMap(fn.FreeVars[i], 0) {
			used = true
		}
	}
	if !used {
		return escape{}, false
	}
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Go:
			return escape{how: "captured by a goroutine, which uses it without the lock", at: r.Pos(), nested: a.nested}, true
		case *ssa.Call:
			if goroutine.IsSpawnCall(r) {
				return escape{how: "captured by a function literal that runs in another goroutine without the lock", at: r.Pos(), nested: a.nested}, true
			}
			if h, in := l.held[r]; in && r.Call.Value == mc && !h.Holds(l.lock, true) {
				return escape{how: "captured by a function literal called after the unlock", at: r.Pos(), unlock: ck.unlockOf(l), nested: a.nested}, true
			}
		case *ssa.Store:
			if storedForLater(r, 0) {
				return escape{how: "captured by a function literal stored for later, which runs without the lock", at: r.Pos(), nested: a.nested}, true
			}
		case *ssa.Return:
			if !a.iter {
				return escape{how: "captured by a function literal returned to callers, who run it without the lock", at: r.Pos(), nested: a.nested}, true
			}
		}
	}
	return escape{}, false
}

// storedForLater reports whether the store s puts its value in a field or
// a package variable, directly or as an element appended to one
// (c.hooks = append(c.hooks, f)).
func storedForLater(s *ssa.Store, depth int) bool {
	switch addr := s.Addr.(type) {
	case *ssa.Global, *ssa.FieldAddr:
		return true
	case *ssa.IndexAddr:
		// The varargs array of an append: follow the slice of it into
		// the append, and the append's result into its store.
		if depth > 2 {
			return false
		}
		arr, ok := addr.X.(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, r := range *arr.Referrers() {
			sl, ok := r.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, r := range *sl.Referrers() {
				c, ok := r.(*ssa.Call)
				if !ok {
					continue
				}
				if b, ok := c.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" {
					continue
				}
				for _, r := range *c.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Val == c && storedForLater(st, depth+1) {
						return true
					}
				}
			}
		}
	}
	return false
}

// usesMap reports whether v, a free variable or a value derived from it,
// is accessed as a map (or, for a captured variable, loaded and accessed)
// in its function or a function literal nested in it.
func usesMap(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 4 {
		return false
	}
	for _, instr := range *refs {
		for _, acc := range mapid.Accesses(instr) {
			if acc.Map == v {
				return true
			}
		}
		switch u := instr.(type) {
		case *ssa.UnOp:
			if u.Op == token.MUL && usesMap(u, depth+1) {
				return true
			}
		case *ssa.Lookup:
			if u.X == v {
				return true
			}
		case *ssa.Call:
			if u.Call.Value == v {
				return true // an iterator over the map, called
			}
		case *ssa.MakeClosure:
			fn := u.Fn.(*ssa.Function)
			for i, b := range u.Bindings {
				if b == v && i < len(fn.FreeVars) && usesMap(fn.FreeVars[i], depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// unlockOf returns the position of a call in l's function that releases
// l's guard, the first after the load when there is one.
func (ck *checker) unlockOf(l *load) token.Pos {
	var first token.Pos
	for _, b := range l.fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			op, mu := lockset.Classify(c.Common())
			if (op != lockset.Release && op != lockset.RRelease) || !mapid.RefOf(mu).Equal(l.lock) {
				continue
			}
			p := c.Common().Pos()
			if p > l.v.Pos() || !l.v.Pos().IsValid() {
				return p
			}
			if !first.IsValid() {
				first = p
			}
		}
	}
	return first
}

// opPhrase describes a map access for a message.
func opPhrase(a mapid.Access) string {
	switch a.Op {
	case "range":
		return "ranged over"
	case "index", "len":
		return "read"
	case "assign", "delete", "clear":
		return "written"
	}
	if a.Write {
		return "written by " + a.Op
	}
	return "read by " + a.Op
}

// fieldOf returns the field that addr selects, as its generic origin.
func fieldOf(addr *ssa.FieldAddr) *types.Var {
	st := addr.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	return st.Field(addr.Field).Origin()
}
