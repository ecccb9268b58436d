package mapid

import (
	"go/token"
	"go/types"

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
	fn := apis.Callee(call)
	var out []Access
	for _, r := range apis.Rows(fn) {
		if r.Role != apis.MapWrite && r.Role != apis.MapRead {
			continue
		}
		if a := apis.Arg(call, r.Arg); a != nil && isMap(a.Type()) {
			out = append(out, Access{c, a, r.Role == apis.MapWrite, fn.Pkg().Name() + "." + fn.Name(), pos})
		}
	}
	return out
}

func isMap(t types.Type) bool { return apis.IsMap(t) }
