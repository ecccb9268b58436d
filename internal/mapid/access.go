package mapid

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// An Access is one read or write of a map by an instruction.
type Access struct {
	Instr ssa.Instruction
	Map   ssa.Value // the map operand
	Write bool
	Op    string    // "assign", "delete", "clear", "maps.Copy"..., "index", "range", "len", "maps.Keys"...
	Pos   token.Pos // m[k]'s '[', the call's '(' or the range's 'for'

	// A hidden read of a map field (json.Marshal(s) reads s.m): Map is
	// nil, Holder is the struct (or pointer to it) and Field the field.
	Holder   ssa.Value
	Field    *types.Var
	FieldMap ID // the map's identity, a Field ID
	// Via is the function of another package that the call Instr runs
	// and that makes the access, when a fact says so (concurrentwrite's
	// AccessFact); Holder and Field name the map as for a hidden read.
	Via *types.Func
}

// Accesses returns the map accesses made by instr: assignments (including
// op-assignments and ++, which are an index then an update), delete, clear,
// the maps functions that modify their first argument, and reads (index,
// comma-ok, range, len and the reading maps functions).
func Accesses(instr ssa.Instruction) []Access {
	switch instr := instr.(type) {
	case *ssa.MapUpdate:
		return []Access{{Instr: instr, Map: instr.Map, Write: true, Op: "assign", Pos: instr.Pos()}}
	case *ssa.Lookup:
		if isMap(instr.X.Type()) {
			return []Access{{Instr: instr, Map: instr.X, Write: false, Op: "index", Pos: instr.Pos()}}
		}
	case *ssa.Range:
		if isMap(instr.X.Type()) {
			return []Access{{Instr: instr, Map: instr.X, Write: false, Op: "range", Pos: instr.Pos()}}
		}
	case *ssa.Call:
		return callAccesses(instr)
	}
	return nil
}

func callAccesses(c *ssa.Call) []Access {
	call := &c.Call
	pos := call.Pos()
	if b, ok := call.Value.(*ssa.Builtin); ok {
		if len(call.Args) == 0 || !isMap(call.Args[0].Type()) {
			return nil
		}
		switch b.Name() {
		case "delete", "clear":
			return []Access{{Instr: c, Map: call.Args[0], Write: true, Op: b.Name(), Pos: pos}}
		case "len":
			return []Access{{Instr: c, Map: call.Args[0], Write: false, Op: "len", Pos: pos}}
		}
		return nil
	}
	fn := apis.Callee(call)
	var out []Access
	if fn == nil {
		return nil
	}
	for _, r := range apis.Rows(fn) {
		if r.Role == apis.DeepRead || r.Role == apis.DeepReadExported {
			skip := unreadOperands(call, fn)
			describes := describingVerb(call, fn)
			for _, o := range operands(apis.Arg(call, r.Arg)) {
				if skip[o.i] || (describes(o.i) && apis.DescribedBy(fn, o.v.Type())) {
					continue
				}
				var encoder *types.Func // walks the fields it encodes only
				if r.Role == apis.DeepReadExported {
					encoder = fn
				}
				out = append(out, deepReads(c, o.v, fn.Pkg().Name()+"."+fn.Name(), pos, encoder)...)
			}
			continue
		}
		if r.Role != apis.MapWrite && r.Role != apis.MapRead {
			continue
		}
		if a := apis.Arg(call, r.Arg); a != nil && isMap(a.Type()) {
			out = append(out, Access{Instr: c, Map: a, Write: r.Role == apis.MapWrite, Op: fn.Pkg().Name() + "." + fn.Name(), Pos: pos})
		}
	}
	return out
}

func isMap(t types.Type) bool { return apis.IsMap(t) }

// isPointer reports whether t is a pointer type: a pointer loaded from a
// variable or field (json.Marshal(p.self)) is the holder itself, not the
// variable it was loaded from.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// An operand is one value a formatting call is given, with its position
// among the variadic arguments.
type operand struct {
	i int
	v ssa.Value
}

// operands returns the values behind v, in order: the elements of a
// variadic ...any slice built at the call, each unwrapped from its
// interface; or v itself, at 0.
func operands(v ssa.Value) []operand {
	if v == nil {
		return nil
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return []operand{{0, mi.X}}
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return []operand{{0, v}}
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []operand
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		i, ok := constIndex(ia.Index)
		if !ok {
			continue
		}
		for _, u := range *ia.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					x = mi.X
				}
				out = append(out, operand{i, x})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b operand) int { return a.i - b.i })
	return out
}

// deepReads returns the reads of the maps that formatting, encoding or
// comparing v walks: v itself when it is a map, else the map fields of the
// struct that v is or points to; for an encoder (nil for the others),
// those it encodes (apis.Encodes: not an unexported field, nor one tagged
// json:"-").
func deepReads(c *ssa.Call, v ssa.Value, op string, pos token.Pos, encoder *types.Func) []Access {
	if isMap(v.Type()) {
		return []Access{{Instr: c, Map: v, Op: op, Pos: pos}}
	}
	holder := v
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL && !isPointer(v.Type()) {
		holder = u.X // *p: the fields are read through p
	}
	t := holder.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	if !ok {
		return nil
	}
	var out []Access
	for i := range st.NumFields() {
		f := st.Field(i)
		if isMap(f.Type()) && (encoder == nil || apis.Encodes(encoder, st, i)) {
			out = append(out, Access{Instr: c, Op: op, Pos: pos, Holder: holder, Field: f.Origin(), FieldMap: fieldID(holder.Type(), i)})
		}
	}
	return out
}
