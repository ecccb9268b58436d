package mapid

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// An Access is one read or write of a map by an instruction.
type Access struct {
	Instr ssa.Instruction
	Map   ssa.Value // the map operand
	Write bool
	Op    string    // "assign", "delete", "clear", "maps.Copy"..., "index", "range", "len", "maps.Keys"...
	Pos   token.Pos // m[k]'s '[', the call's '(' or the range's 'for'
}

// Accesses returns the map accesses made by instr: assignments (including
// op-assignments and ++, which are an index then an update), delete, clear,
// the maps functions that modify their first argument, and reads (index,
// comma-ok, range, len and the reading maps functions).
func Accesses(instr ssa.Instruction) []Access {
	switch instr := instr.(type) {
	case *ssa.MapUpdate:
		return []Access{{instr, instr.Map, true, "assign", instr.Pos()}}
	case *ssa.Lookup:
		if isMap(instr.X.Type()) {
			return []Access{{instr, instr.X, false, "index", instr.Pos()}}
		}
	case *ssa.Range:
		if isMap(instr.X.Type()) {
			return []Access{{instr, instr.X, false, "range", instr.Pos()}}
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
			return []Access{{c, call.Args[0], true, b.Name(), pos}}
		case "len":
			return []Access{{c, call.Args[0], false, "len", pos}}
		}
		return nil
	}
	fn := call.StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "maps" || len(call.Args) == 0 {
		return nil
	}
	name := "maps." + obj.Name()
	var out []Access
	switch obj.Name() {
	case "Copy":
		out = append(out, Access{c, call.Args[0], true, name, pos})
		if len(call.Args) > 1 && isMap(call.Args[1].Type()) {
			out = append(out, Access{c, call.Args[1], false, name, pos})
		}
	case "Insert", "DeleteFunc":
		if isMap(call.Args[0].Type()) {
			out = append(out, Access{c, call.Args[0], true, name, pos})
		}
	default: // Keys, Values, All, Clone, Equal, EqualFunc
		for _, a := range call.Args {
			if isMap(a.Type()) {
				out = append(out, Access{c, a, false, name, pos})
			}
		}
	}
	return out
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	if !ok {
		// A type parameter constrained to maps (~map[K]V) is a map too.
		if tp, isTP := types.Unalias(t).(*types.TypeParam); isTP {
			if it, ok := tp.Constraint().Underlying().(*types.Interface); ok && it.NumEmbeddeds() == 1 {
				if u, ok := it.EmbeddedType(0).(*types.Union); ok && u.Len() == 1 {
					_, ok := u.Term(0).Type().Underlying().(*types.Map)
					return ok
				}
			}
		}
	}
	return ok
}
