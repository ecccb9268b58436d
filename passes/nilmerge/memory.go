package nilmerge

import (
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// This file follows a map through memory: a load of a variable or a field
// is traced back to the store, allocation or decoder call that last
// defined it (walk.go drives the walk across joins and into callers),
//
//	cfg := ImageConfig{Env: env}       // the literal leaves ExposedPorts nil
//	cfg.ExposedPorts[p] = struct{}{}
//
//	s.tags = nil                        // a reset
//	s.tags[k] = v
//
//	m := map[string]any{}
//	err := yaml.Unmarshal(data, &m)     // null or empty input sets m to nil
//	m["loaded"] = true
//
// A goroutine start, or an instruction that may write the location
// through another name (a call or an unknown store, unless the location
// is a local, or a call's result, that nothing else can reach by then)
// ends the walk with no answer, which errs towards silence.

// maxWalk bounds the instructions one backward walk visits.
const maxWalk = 400

// loc is a memory location: base itself (field < 0), or field of the struct
// base points to.
type loc struct {
	base  ssa.Value
	field int
}

// storedSource returns the origin of a nil that load may read, found by the
// backward walk (walk.go), with the path facts under which it holds.
func (a *checker) storedSource(load *ssa.UnOp, facts []fact, st *searchState) (*origin, []fact) {
	if load.Op != token.MUL || !isMapLike(load.Type()) {
		return nil, nil
	}
	l := loc{base: load.X, field: -1}
	if fa, ok := load.X.(*ssa.FieldAddr); ok {
		l = loc{base: fa.X, field: fa.Field}
	}
	w := &walk{load: load, at: load}
	return a.walkBack(load.Block(), indexOf(load.Block(), load)-1, l, facts, st, w)
}

// defines looks at one instruction of the backward walk from a load of l.
// It reports done with the answer (an origin, or nil for none) when instr
// defines l or may change it unseen; otherwise the walk goes on (next), l
// possibly rebased onto the value a whole-struct copy came from.
func (a *checker) defines(instr ssa.Instruction, l *loc, facts []fact, st *searchState, w *walk) (o *origin, f []fact, next, done bool) {
	if o, done := a.definesHolder(instr, *l); done {
		return o, facts, false, true
	}
	local, _ := l.base.(*ssa.Alloc)
	if outer, ok := innerOf(l.base); ok {
		local = outer
	}
	root := chainRoot(l.base)
	private := local != nil && !escapesBefore(local, w.at) || madeByCall(root) && !escapesFrom(root, 0, w.at)
	if v, ok := instr.(ssa.Value); ok && v == l.base && l.field >= 0 && madeByCall(v) {
		// The struct a helper returned (returned.go).
		return a.returnedField(v, l.field), facts, false, true
	}
	switch instr := instr.(type) {
	case *ssa.Store:
		if fa, ok := instr.Addr.(*ssa.FieldAddr); ok && l.field >= 0 && fa.Field == l.field && sameValue(fa.X, l.base, 4) {
			o, f := a.storedValue(instr, facts, st, w.load)
			return o, f, false, true
		}
		if instr.Addr == l.base {
			if l.field < 0 {
				o, f := a.storedValue(instr, facts, st, w.load)
				return o, f, false, true
			}
			switch v := instr.Val.(type) {
			case *ssa.Const:
				return a.unsetField(local, *l), facts, false, true
			case *ssa.Call, *ssa.Extract:
				if madeByCall(v) {
					// o := defaults() where o's address is taken: the
					// struct a helper returned by value (returned.go).
					return a.returnedField(v, l.field), facts, false, true
				}
			case *ssa.UnOp:
				if from, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
					// cfg := T{...}: the literal is built in a
					// temporary and copied; follow the temporary.
					l.base = from
					return nil, nil, true, false
				}
			}
			return nil, nil, false, true
		}
		if private || storesElsewhere(instr.Addr, *l) {
			return nil, nil, true, false
		}
		return nil, nil, false, true
	case *ssa.Alloc:
		if instr == local {
			return a.unsetField(local, *l), facts, false, true
		}
	case *ssa.Call:
		if d, ok := decodedInto(&instr.Call, l.base); ok {
			if l.field < 0 && d.fieldsOnly {
				return nil, nil, false, true // the decoder made the map
			}
			if l.field >= 0 && d.decodesItself(l.base.Type()) {
				return nil, nil, false, true
			}
			if l.field < 0 && decodeFailed(instr, facts) {
				// The only input that makes the map nil is null,
				// which decodes without an error: on a path where
				// the decoder failed, the map holds what it held
				// before (helm's fromYAML writes m["Error"] there).
				return nil, nil, true, false
			}
			return a.decodedOrigin(instr, d, *l), facts, false, true
		}
		if _, ok := instr.Call.Value.(*ssa.Builtin); ok || private {
			return nil, nil, true, false
		}
		return nil, nil, false, true
	case *ssa.Go, *ssa.Defer:
		return nil, nil, false, true
	}
	return nil, nil, true, false
}

// definesHolder decides instr when l is a field of a struct held by value
// in another: in a local (overwritesInner), or in the struct a call
// returned (cm.Annotations of the *ConfigMap a typed client's Get
// returned), where a store to the struct or one on the way down sets the
// field to what the walk does not follow.
func (a *checker) definesHolder(instr ssa.Instruction, l loc) (*origin, bool) {
	if outer, ok := innerOf(l.base); ok {
		return a.overwritesInner(instr, outer, l)
	}
	root := chainRoot(l.base)
	if root == l.base || !madeByCall(root) {
		return nil, false
	}
	if st, ok := instr.(*ssa.Store); ok && containsLoc(st.Addr, l.base) {
		return nil, true
	}
	if v, ok := instr.(ssa.Value); ok && v == root {
		return a.fetchedField(v, l), true
	}
	return nil, false
}

// overwritesInner decides a store to a struct that holds l, a field of a
// struct held by value in the local outer (an embedded
// metav1.ObjectMeta's Annotations): the local's allocation leaves l nil as
// it does a field of its own; a store to the local, or to a struct on the
// way down to the field, sets it to what the walk does not follow (a zero
// value aside).
func (a *checker) overwritesInner(instr ssa.Instruction, outer *ssa.Alloc, l loc) (*origin, bool) {
	st, ok := instr.(*ssa.Store)
	if !ok || !containsLoc(st.Addr, l.base) {
		return nil, false
	}
	if _, ok := st.Val.(*ssa.Const); ok {
		return a.unsetField(outer, l), true // the zero value
	}
	// options := ctrl.Options{Cache: cache.Options{Scheme: s}}: the
	// literal is built in a temporary and copied; the field is unset
	// when the temporary leaves it out, down the same path.
	if u, ok := st.Val.(*ssa.UnOp); ok && u.Op == token.MUL {
		if from, ok := u.X.(*ssa.Alloc); ok {
			if path, ok := fieldPath(st.Addr, l); ok && pathUnset(from, path, 0) {
				return a.unsetField(from, l), true
			}
		}
	}
	return nil, true
}

// fieldPath returns the field indexes that lead from addr, an address on
// l's chain of field addresses, down to l.
func fieldPath(addr ssa.Value, l loc) ([]int, bool) {
	path := []int{l.field}
	base := l.base
	for range 5 {
		if sameValue(addr, base, 4) {
			slices.Reverse(path)
			return path, true
		}
		fa, ok := base.(*ssa.FieldAddr)
		if !ok {
			return nil, false
		}
		path = append(path, fa.Field)
		base = fa.X
	}
	return nil, false
}

// pathUnset reports whether the field that path leads to in the struct v
// points to (a literal's temporary) is never set: only read, under field
// addresses that follow the path, or in an inner literal copied in whole
// that leaves it out.
func pathUnset(v ssa.Value, path []int, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if r.Field != path[0] {
				continue
			}
			if len(path) == 1 {
				if !mapid.OnlyLoaded(r) {
					return false
				}
				continue
			}
			if !pathUnset(r, path[1:], depth+1) {
				return false
			}
		case *ssa.Store:
			if r.Addr != v {
				return false
			}
			if _, zero := r.Val.(*ssa.Const); zero {
				continue
			}
			u, ok := r.Val.(*ssa.UnOp)
			if !ok || u.Op != token.MUL {
				return false
			}
			if from, ok := u.X.(*ssa.Alloc); !ok || !pathUnset(from, path, depth+1) {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// innerOf returns the local whose memory holds the struct that the field
// address base selects from (base is a chain of field addresses into the
// local: structs held by value, one inside the other).
func innerOf(base ssa.Value) (*ssa.Alloc, bool) {
	fa, ok := base.(*ssa.FieldAddr)
	if !ok {
		return nil, false
	}
	for depth := 0; depth < 4; depth++ {
		switch x := fa.X.(type) {
		case *ssa.Alloc:
			return x, true
		case *ssa.FieldAddr:
			fa = x
		default:
			return nil, false
		}
	}
	return nil, false
}

// chainRoot returns the value that the chain of field addresses base is
// starts from (base itself when it is no field address).
func chainRoot(base ssa.Value) ssa.Value {
	for range 5 {
		fa, ok := base.(*ssa.FieldAddr)
		if !ok {
			break
		}
		base = fa.X
	}
	return base
}

// containsLoc reports whether addr is the address of base's memory or of a
// struct that contains it: the local base's chain starts from, or a field
// address on the chain.
func containsLoc(addr, base ssa.Value) bool {
	for depth := 0; depth < 5; depth++ {
		if sameValue(addr, base, 4) {
			return true
		}
		fa, ok := base.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		base = fa.X
	}
	return false
}

// madeByCall reports whether v is a call's result (or one of its results):
// a struct pointer a helper may have built (see returned.go).
func madeByCall(v ssa.Value) bool {
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	_, ok := v.(*ssa.Call)
	return ok
}

// storedValue returns the origin of a nil that store may have written. The
// facts about load, the load the walk started from, said what was
// searched; the stored value takes its place.
func (a *checker) storedValue(store *ssa.Store, facts []fact, st *searchState, load *ssa.UnOp) (*origin, []fact) {
	if c, ok := store.Val.(*ssa.Const); ok && c.IsNil() {
		return &origin{pos: store.Pos(), why: "assigned nil", kind: fromField}, facts
	}
	rest := make([]fact, 0, len(facts))
	for _, f := range facts {
		if f.v != ssa.Value(load) {
			rest = append(rest, f)
		}
	}
	o, f := a.search(store.Val, rest, st)
	if o != nil && o.kind == fromVar && !o.pos.IsValid() {
		o = &origin{pos: store.Pos(), why: "assigned a map that is nil on this path", kind: fromField}
	}
	return o, f
}

// unsetField returns the origin of the zero value that l holds when the
// allocation or a zero store is its last definition.
func (a *checker) unsetField(al *ssa.Alloc, l loc) *origin {
	if l.field < 0 {
		return &origin{pos: l.base.Pos(), why: "declared without make", kind: fromField}
	}
	name := "map"
	if f := fieldOf(l.base.Type(), l.field); f != nil {
		name = f.Name()
	}
	pos := l.base.Pos()
	if al != nil {
		pos = al.Pos()
	}
	return &origin{pos: pos, why: fmt.Sprintf("field %s left unset by the value created", name), kind: fromField}
}

// storesElsewhere reports whether a store to addr certainly does not write
// l: it writes another field of the same base, or a local that is not l's.
func storesElsewhere(addr ssa.Value, l loc) bool {
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		return sameValue(x.X, l.base, 4) && x.Field != l.field
	case *ssa.Alloc:
		return x != l.base && !escapesFrom(x, 0, nil)
	}
	return false
}

// escapesBefore reports whether the local al may be reached other than
// through its own loads, stores and field addresses (and the decoders it
// is handed to, which do not keep it) by the time at runs: a use that
// never runs before at (the Update after the write, or the call at itself,
// whose callee the walk has followed) does not count.
func escapesBefore(al *ssa.Alloc, at ssa.Instruction) bool {
	return escapesFrom(al, 0, at)
}

func escapesFrom(v ssa.Value, depth int, at ssa.Instruction) bool {
	if depth > 4 {
		return true
	}
	for _, ref := range *v.Referrers() {
		if at != nil && neverBefore(ref, at) {
			continue
		}
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if escapesFrom(r, depth+1, at) {
				return true
			}
		case *ssa.Store:
			if r.Val == v {
				return true
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return true
			}
		case *ssa.DebugRef:
		case *ssa.MakeInterface, *ssa.ChangeType:
			for _, rr := range *r.(ssa.Value).Referrers() {
				call, ok := rr.(*ssa.Call)
				if !ok {
					return true
				}
				if _, ok := decodedInto(&call.Call, v); !ok && (at == nil || !neverBefore(call, at)) {
					return true
				}
			}
		default:
			return true
		}
	}
	return false
}
