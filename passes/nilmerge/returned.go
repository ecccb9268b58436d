package nilmerge

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// This file follows a struct that a helper of this package builds and
// returns into the caller that writes its map field: the helper returns a
// literal that leaves the field out, or a struct it decoded into,
//
//	func defaults() *Options { return &Options{Name: "x"} }
//	o := defaults()
//	o.Labels[k] = v // Labels is nil: defaults leaves it out
//
//	func load(data []byte) (*Config, error) {
//		c := &Config{}
//		err := yaml.Unmarshal(data, c)
//		return c, err
//	}
//	c, err := load(data)
//	c.Env["HOME"] = home // Env is nil when the document has none
//
// The memory walk (memory.go) reaches the call that made the struct, or
// the search (search.go) the field of a struct value a call returned
// (s := settings(); s.Labels[k] = v, s never addressed); the helper must
// return, for that result, on every path, either nil, the zero struct, or
// a struct it allocated (returned by pointer, or loaded and returned by
// value) whose field nothing but a decoder sets, and that it hands to
// nothing else (a method called on it may make the map). Helpers of other
// packages are not followed (that would need a fact).

// returnedField returns the origin of the nil that field i of the struct
// that def (a call, or a result extracted from one) returns may hold.
func (a *checker) returnedField(def ssa.Value, i int) *origin {
	if o := a.fetchedField(def, loc{base: def, field: i}); o != nil {
		return o // a typed client's Get (decoding.go)
	}
	index := 0
	if e, ok := def.(*ssa.Extract); ok {
		def, index = e.Tuple, e.Index
	}
	call, ok := def.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := apis.StaticCallee(&call.Call)
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != a.pass.Pkg || len(callee.Blocks) == 0 {
		return nil
	}
	var decoder string
	var at token.Pos
	allocs := 0
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || a.dead(b) {
			continue
		}
		r := ret.Results[index]
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && isStruct(u.Type()) {
			// return Options{Name: "x"}: a struct returned by value is
			// the load of the literal's allocation.
			r = u.X
		}
		switch v := r.(type) {
		case *ssa.Const:
			if isStruct(v.Type()) && v.Value == nil {
				// The zero struct (var o Options; return o): every
				// field is unset.
				allocs++
				if !at.IsValid() {
					at = ret.Pos()
				}
				continue
			}
			if !v.IsNil() {
				return nil
			}
		case *ssa.Alloc:
			d, dpos, ok := freshUnset(v, i)
			if !ok {
				return nil
			}
			if d != "" && decoder == "" {
				decoder, at = d, dpos
			}
			allocs++
			if !at.IsValid() {
				at = v.Pos()
			}
		default:
			return nil
		}
	}
	if allocs == 0 {
		return nil
	}
	name := "map"
	rt := call.Type()
	if t, ok := rt.(*types.Tuple); ok {
		rt = t.At(index).Type()
	}
	if isStruct(rt) {
		rt = types.NewPointer(rt) // returned by value
	}
	if f := fieldOf(rt, i); f != nil {
		name = f.Name()
	}
	if decoder != "" {
		return &origin{pos: at, why: fmt.Sprintf("field %s of the value returned by %s, decoded by %s, which leaves it nil when the input has none", name, callee.Name(), decoder), kind: fromDecode}
	}
	return &origin{pos: at, why: fmt.Sprintf("field %s left unset by the value %s returns", name, callee.Name()), kind: fromField}
}

// isStruct reports whether t is a struct type (not a pointer to one).
func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// freshUnset reports whether field i of the struct al, allocated and
// returned by a helper, is only read, or set by a decoder (whose name it
// returns, with the position of its call), and al is handed to nothing
// else. A type that decodes itself may make its maps whatever the input
// holds, so its decoded fields are trusted.
func freshUnset(al *ssa.Alloc, i int) (decoder string, at token.Pos, ok bool) {
	for _, ref := range *al.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if r.Field == i && !mapid.OnlyLoaded(r) {
				return "", token.NoPos, false
			}
			if r.Field != i && !mapid.OnlyLoadedOrStored(r) { // the other fields of a literal
				return "", token.NoPos, false
			}
		case *ssa.Return, *ssa.DebugRef:
		case *ssa.UnOp:
			// A copy of the whole struct (the value returned, or another
			// copy): nothing written through a copy reaches al.
			if r.Op != token.MUL {
				return "", token.NoPos, false
			}
		case *ssa.Store:
			if r.Addr != al {
				return "", token.NoPos, false
			}
			// A whole value stored: the literal's temporary, or a zero.
			switch v := r.Val.(type) {
			case *ssa.Const:
			case *ssa.UnOp:
				from, ok := v.X.(*ssa.Alloc)
				if !ok || v.Op != token.MUL || !allocFieldNeverSet(from, i) {
					return "", token.NoPos, false
				}
			default:
				return "", token.NoPos, false
			}
		case *ssa.MakeInterface, *ssa.ChangeType:
			for _, rr := range *r.(ssa.Value).Referrers() {
				call, ok := rr.(*ssa.Call)
				if !ok {
					return "", token.NoPos, false
				}
				d, ok := decodedInto(&call.Call, al)
				if !ok || d.decodesItself(al.Type()) {
					return "", token.NoPos, false
				}
				decoder, at = d.name, call.Pos()
			}
		case *ssa.Call:
			d, ok := decodedInto(&r.Call, al)
			if !ok || d.decodesItself(al.Type()) {
				return "", token.NoPos, false
			}
			decoder, at = d.name, r.Pos()
		default:
			return "", token.NoPos, false
		}
	}
	return decoder, at, true
}
