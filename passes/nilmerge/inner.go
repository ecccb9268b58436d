package nilmerge

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file extends the inner maps of a map of maps (issue 11, item 7)
// from a local outer map to an unexported field or package variable that
// the package never fills:
//
//	type index struct{ byKind map[string]map[string]bool }
//	func newIndex() *index { return &index{byKind: map[string]map[string]bool{}} }
//	func (x *index) add(kind, name string) {
//		x.byKind[kind][name] = true // every lookup in x.byKind is nil
//	}
//
// The outer map must be unexported (no other package can fill it), only
// ever assigned a fresh empty map or nil, and every read of it only looked
// up, ranged over, measured or compared with nil: a map handed to a helper
// or stored elsewhere may be filled there.

// outerKey identifies an outer map: a field or a package variable.
type outerKey struct {
	field  *types.Var
	global *ssa.Global
}

// outerSource returns the origin of the nil read by lookup from an outer
// map held in a field or package variable that the package never fills.
func (a *checker) outerSource(lookup *ssa.Lookup) *origin {
	load, ok := lookup.X.(*ssa.UnOp)
	if !a.outer || !ok || load.Op != token.MUL {
		return nil
	}
	var k outerKey
	var name string
	pos := load.Pos()
	switch x := load.X.(type) {
	case *ssa.FieldAddr:
		f := fieldOf(x.X.Type(), x.Field)
		if f == nil || f.Exported() || f.Pkg() != a.pass.Pkg {
			return nil
		}
		k, name = outerKey{field: f}, "field "+f.Name()
	case *ssa.Global:
		obj := x.Object()
		if obj == nil || obj.Exported() || x.Pkg.Pkg != a.pass.Pkg {
			return nil
		}
		k, name, pos = outerKey{global: x}, "package variable "+obj.Name(), x.Pos()
	default:
		return nil
	}
	if a.filled == nil {
		a.filled = a.scanOuters()
	}
	if a.filled[k] {
		return nil
	}
	return &origin{pos: pos, why: fmt.Sprintf("nothing in the package stores into the outer map in %s", name), kind: fromInner}
}

// scanOuters returns the outer maps of the package (map-of-map fields and
// package variables) that may be filled: assigned anything but a fresh
// empty map or nil, or read for any use but a lookup, a range, len or a
// nil comparison.
func (a *checker) scanOuters() map[outerKey]bool {
	filled := make(map[outerKey]bool)
	keyOf := func(addr ssa.Value) (outerKey, bool) {
		switch x := addr.(type) {
		case *ssa.FieldAddr:
			if f := fieldOf(x.X.Type(), x.Field); f != nil && isMapOfMaps(f.Type()) {
				return outerKey{field: f}, true
			}
		case *ssa.Global:
			if isMapOfMaps(x.Type().(*types.Pointer).Elem()) {
				return outerKey{global: x}, true
			}
		}
		return outerKey{}, false
	}
	for _, fn := range a.allFuncs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if k, ok := keyOf(instr.Addr); ok && !emptyMap(instr.Val) {
						filled[k] = true
					}
					if k, ok := keyOf(instr.Val); ok {
						filled[k] = true // the address is stored away
					}
					continue
				case *ssa.UnOp:
					if k, ok := keyOf(instr.X); ok && instr.Op == token.MUL {
						if !onlyLookedUp(instr) {
							filled[k] = true
						}
						continue
					}
				case *ssa.DebugRef:
					continue
				}
				// The address of the outer map taken for any other use
				// (passed on, captured) may fill it.
				for _, op := range instr.Operands(nil) {
					if op != nil && *op != nil {
						if k, ok := keyOf(*op); ok {
							filled[k] = true
						}
					}
				}
			}
		}
	}
	return filled
}

// allFuncs returns the package's functions and its initialisers.
func (a *checker) allFuncs() []*ssa.Function {
	funcs := append([]*ssa.Function(nil), a.ssa.SrcFuncs...)
	if init := a.ssa.Pkg.Func("init"); init != nil {
		funcs = append(funcs, init)
		funcs = append(funcs, init.AnonFuncs...)
	}
	return funcs
}

func isMapOfMaps(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	return ok && isMapLike(m.Elem())
}

// emptyMap reports whether v is nil or a map made here and never written.
func emptyMap(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.MakeMap:
		for _, ref := range *v.Referrers() {
			if _, ok := ref.(*ssa.Store); !ok {
				if _, ok := ref.(*ssa.DebugRef); !ok {
					return false
				}
			}
		}
		return true
	}
	return false
}

// onlyLookedUp reports whether the loaded outer map is only looked up,
// ranged over, measured or compared with nil.
func onlyLookedUp(load *ssa.UnOp) bool {
	for _, ref := range *load.Referrers() {
		switch r := ref.(type) {
		case *ssa.Lookup:
			if r.X != load {
				return false
			}
		case *ssa.Range, *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false
			}
		case *ssa.Call:
			if !isBuiltin(r.Call.Value, "len") {
				return false
			}
		default:
			return false
		}
	}
	return true
}
