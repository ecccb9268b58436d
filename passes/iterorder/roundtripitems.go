package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/orderflow"
)

// This file carries the round trip of roundtrip.go from a map's identity
// to the type of its items. A package often writes a map out through a
// type of its own and reads the stream back into another map, or into a
// fresh one that the reader returns:
//
//	func (js *jetStream) encodeMetaSnapshot(streams map[string]map[string]*streamAssignment) ([]byte, error) {
//		var out []writeableStreamAssignment
//		for _, asa := range streams {                        // the writer
//			for _, sa := range asa {
//				out = append(out, writeableStreamAssignment{Client: sa.Client, ...})
//			}
//		}
//		b, err := json.Marshal(out)
//		return s2.Encode(nil, b), err
//	}
//
//	func (js *jetStream) decodeMetaSnapshot(buf []byte) map[string]map[string]*streamAssignment {
//		var wsas []writeableStreamAssignment
//		json.Unmarshal(s2.Decode(nil, buf), &wsas)
//		streams := make(map[string]map[string]*streamAssignment)
//		for _, wsa := range wsas {                           // the reader
//			as := make(map[string]*streamAssignment)
//			streams[wsa.Client.serviceAccount()] = as
//			...
//		}
//		return streams
//	}
//
// The two ends name no common map, but they name a common type: the
// writer lists writeableStreamAssignment values, and the reader puts each
// one it decodes into a map under a key computed from it. Items of a type
// T declared in the package are restored when a function of the package,
// in a loop, updates a map under a key decoded from input
// (decodedFromInput) and the map holds values of type T or *T, or the key
// or the value stored is computed from a value of type T or *T; and that
// function appends no value computed from a T to a slice (a list kept in
// the order read). A finding whose order reaches only a stream is then
// dropped when the loop's map holds values of a restored type, or the
// slice the loop fills holds items of one (finding.items).
//
// What it takes on trust is what roundtrip.go takes on trust (that the
// stream written is the one read back), with a type standing for the map:
// a package that also prints those items for people in map order, to a
// writer it is given, is silenced too.

// restoredItems reports whether values of type t (or *t), a named type of
// the package, are read back from a stream into a map (see above).
func (c *checker) restoredItems(t types.Type) bool {
	tn := ownNamed(c.pass.Pkg, t)
	if tn == nil || c.ssa == nil {
		return false
	}
	if c.restoredTypes == nil {
		c.restoredTypes = c.findRestoredTypes()
	}
	return c.restoredTypes[tn]
}

// mapValueType returns the type of the values of the map e denotes, or
// nil when e is not a map.
func (c *checker) mapValueType(e ast.Expr) types.Type {
	if e == nil {
		return nil
	}
	t := c.info.TypeOf(e)
	if t == nil {
		return nil
	}
	if m, ok := t.Underlying().(*types.Map); ok {
		return m.Elem()
	}
	return nil
}

// ownNamed returns the type name of t, or of *t's element, when it is a
// named type declared in pkg (for an instance, its generic origin).
func ownNamed(pkg *types.Package, t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg {
		return nil
	}
	return n.Origin().Obj()
}

// findRestoredTypes returns the named types of the package whose values
// some function of the package restores from input into a map, and keeps
// in no list (see above).
func (c *checker) findRestoredTypes() map[*types.TypeName]bool {
	out := make(map[*types.TypeName]bool)
	for _, fn := range orderflow.SrcFuncs(c.ssa) {
		restored, listed := c.itemTypesOf(fn)
		for tn := range restored {
			if !listed[tn] {
				out[tn] = true
			}
		}
	}
	return out
}

// itemTypesOf returns the named types of the package whose values fn
// stores, in a loop, into a map under a key decoded from input
// (restored), and those whose values it appends to a slice (listed).
func (c *checker) itemTypesOf(fn *ssa.Function) (restored, listed map[*types.TypeName]bool) {
	restored = make(map[*types.TypeName]bool)
	listed = make(map[*types.TypeName]bool)
	loops := make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MapUpdate:
				if !inLoop(loops, b) || !decodedFromInput(instr.Key) {
					continue
				}
				if tn := ownNamed(c.pass.Pkg, instr.Value.Type()); tn != nil {
					restored[tn] = true
				}
				c.typesBehind(instr.Key, restored)
				c.typesBehind(instr.Value, restored)
			case *ssa.Call:
				if b, ok := instr.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(instr.Call.Args) > 1 {
					c.typesBehind(instr.Call.Args[1], listed)
				}
			}
		}
	}
	return restored, listed
}

// typesBehind adds to set the named types of the package of the values v
// is computed from (walkBack).
func (c *checker) typesBehind(v ssa.Value, set map[*types.TypeName]bool) {
	walkBack(v, func(x ssa.Value) bool {
		switch x.(type) {
		case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
			// The function's context (its receiver, a package's state),
			// not an item it decoded.
			return false
		}
		if tn := ownNamed(c.pass.Pkg, x.Type()); tn != nil {
			set[tn] = true
		}
		return false
	})
}

// elemOf returns the element type of the slice type t, or nil.
func elemOf(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		return s.Elem()
	}
	return nil
}
