package nilmerge

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// This file recognises the decoders of the API table at a call (its
// Decode, DecodeFields and FetchInto rows), and says what they leave nil.

// A decoding is a call of a decoder into a location the walk follows.
type decoding struct {
	name string // the decoder, as pkg.Func or pkg.Type.Method
	// fieldsOnly: the decoder makes a map decoded into, so that only
	// the map fields of a struct can stay nil (DecodeFields, FetchInto).
	fieldsOnly bool
	// fetch: the object comes from a server (FetchInto), whose
	// serializers leave a map nil whatever Unmarshal method a generated
	// type has; only a SelfDecoder hook makes the type decode itself.
	fetch bool
	root  ssa.Value // the pointer decoded into
}

// decodedInto returns the decoding that call is, when it decodes into base
// or into a struct that holds base's memory by value (the pointer at its
// Decode, DecodeFields or FetchInto argument, perhaps as an interface); ok
// is false otherwise.
func decodedInto(call *ssa.CallCommon, base ssa.Value) (d decoding, ok bool) {
	r, ok := apis.Of(call, apis.Decode)
	if !ok {
		r, ok = apis.Of(call, apis.DecodeFields)
		d.fieldsOnly = true
	}
	if !ok {
		r, ok = apis.Of(call, apis.FetchInto)
		d.fetch = true
	}
	if !ok {
		return decoding{}, false
	}
	arg := apis.Arg(call, r.Arg)
	for range 3 {
		switch x := arg.(type) {
		case *ssa.MakeInterface:
			arg = x.X
			continue
		case *ssa.ChangeType:
			arg = x.X
			continue
		}
		break
	}
	if arg == nil || !containsLoc(arg, base) {
		return decoding{}, false
	}
	d.name, d.root = funcName(apis.Callee(call)), arg
	return d, true
}

// decodesItself reports whether the decoding may make the map fields of
// the struct that ptr points to (or of the value decoded into) whatever
// the input holds. For a decoder of data, a method of the shape of a
// decoder's hook counts (see hooked); for an object fetched from a server,
// only a SelfDecoder hook of the API table does: every Kubernetes API type
// has a generated protobuf Unmarshal, which leaves a map absent from the
// input nil like the JSON decoder.
func (d decoding) decodesItself(ptr types.Type) bool {
	if d.fetch {
		return apis.DecodesSelf(ptr) || d.root != nil && apis.DecodesSelf(d.root.Type())
	}
	return hooked(ptr)
}

// decodeFailed reports whether facts say that the decoder call returned a
// non-nil error (its only result).
func decodeFailed(call *ssa.Call, facts []fact) bool {
	if !types.Identical(call.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	for _, f := range facts {
		if f.k == nonNil && sameValue(f.v, call, 4) {
			return true
		}
	}
	return false
}

// decodedOrigin says what the decoder leaves nil at l.
func (a *checker) decodedOrigin(call *ssa.Call, d decoding, l loc) *origin {
	if l.field < 0 {
		return &origin{pos: call.Pos(), why: "decoded by " + d.name + ", which leaves it nil for null or empty input", kind: fromDecode}
	}
	name := "map"
	if f := fieldOf(l.base.Type(), l.field); f != nil {
		name = f.Name()
	}
	if d.fetch {
		return &origin{pos: call.Pos(), why: fmt.Sprintf("field %s fetched by %s, which leaves it nil when the object has none", name, d.name), kind: fromDecode}
	}
	return &origin{pos: call.Pos(), why: fmt.Sprintf("field %s decoded by %s, which leaves it nil when the input has none", name, d.name), kind: fromDecode}
}

// hooked reports whether the struct that ptr points to has a method of
// the shape of a decoder's hook — one parameter, a byte slice, a func or a
// pointer, and an error result, like json.Unmarshaler,
// encoding.TextUnmarshaler or yaml's Unmarshaler — which may make its maps
// whatever the input holds. Its decoded fields are trusted.
func hooked(ptr types.Type) bool {
	ms := types.NewMethodSet(ptr)
	for i := range ms.Len() {
		sig, ok := ms.At(i).Obj().Type().(*types.Signature)
		if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
			continue
		}
		if !types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			continue
		}
		switch p := sig.Params().At(0).Type().Underlying().(type) {
		case *types.Slice:
			if b, ok := p.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return true
			}
		case *types.Signature, *types.Pointer:
			return true
		}
	}
	return false
}

// fetchedField returns the origin of the nil that field l of the object
// def (a call, or its first result) returned may hold, when the callee is
// one of the API table's FetchedResult rows (a typed client's Get): nil
// when the object has none.
//
// A copy of such an object that keeps its nil map fields (a NilFieldsCopy
// row: the generated DeepCopy) has them nil too.
func (a *checker) fetchedField(def ssa.Value, l loc) *origin {
	return a.fetchedFieldVia(def, l, "", 2)
}

func (a *checker) fetchedFieldVia(def ssa.Value, l loc, copied string, depth int) *origin {
	index := 0
	if e, ok := def.(*ssa.Extract); ok {
		def, index = e.Tuple, e.Index
	}
	call, ok := def.(*ssa.Call)
	if !ok || l.field < 0 {
		return nil
	}
	if r, ok := apis.Of(&call.Call, apis.NilFieldsCopy); ok && depth > 0 {
		if x := apis.Arg(&call.Call, r.Arg); x != nil {
			return a.fetchedFieldVia(x, l, " (copied by "+funcName(apis.Callee(&call.Call))+")", depth-1)
		}
		return nil
	}
	r, ok := apis.Of(&call.Call, apis.FetchedResult)
	if !ok || r.Arg != apis.Recv || index != 0 {
		return nil
	}
	if t := resultType(call, index); t == nil || apis.DecodesSelf(t) || apis.DecodesSelf(l.base.Type()) {
		return nil
	}
	name := "map"
	if f := fieldOf(l.base.Type(), l.field); f != nil {
		name = f.Name()
	}
	return &origin{pos: call.Pos(), why: fmt.Sprintf("field %s of the object returned by %s%s, which leaves it nil when the object has none", name, funcName(apis.Callee(&call.Call)), copied), kind: fromDecode}
}

// resultType returns the type of result index of call.
func resultType(call *ssa.Call, index int) types.Type {
	t := call.Type()
	if tu, ok := t.(*types.Tuple); ok {
		if index >= tu.Len() {
			return nil
		}
		return tu.At(index).Type()
	}
	return t
}
