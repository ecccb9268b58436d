package nilmerge

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// This file holds the path-based form of the inner maps of a map of maps
// (issue 11, item 7), behind Config.OuterPath: a write into outer[a], where
// outer is a field or a package variable that the package does fill, but
// nothing in the writing function makes sure that outer has an entry for a,
//
//	func (r *Registry) Subscribe(topic, id string, ch chan Event) {
//		r.subs[topic][id] = ch // nil for a topic nobody created
//	}
//
// The entry is made sure of, and the write trusted, when the function (or,
// for a helper of this package, every caller that calls it) does any of:
//
//   - stores into the outer map with the same key (outer[a] = make(...)),
//     or assigns the outer map itself;
//   - looks the key up with comma-ok, or compares outer[a] with nil or
//     measures it (if outer[a] == nil { ... });
//   - ranges over the outer map for the key;
//   - calls a function of this package that stores into the outer map
//     (a get-or-create helper, an ensure(a)).
//
// And when some function of the package stores into the outer map with the
// same constant key (the entries made up front: outer["http"] = ...).

// outerPathSource returns the origin of the nil that lookup may read when
// no code on its path makes sure of the entry.
func (a *checker) outerPathSource(lookup *ssa.Lookup) *origin {
	load, ok := lookup.X.(*ssa.UnOp)
	if !a.outerPath || !ok || load.Op != token.MUL {
		return nil
	}
	k, name, ok := outerLocation(load.X)
	if !ok {
		return nil
	}
	fn := lookup.Parent()
	if a.ensures(fn, k, lookup.Index, 0) || a.ensuredByCallers(fn, k) || a.filledWithConst(k, lookup.Index) || a.keyFilledByCallers(fn, k, lookup.Index) {
		return nil
	}
	return &origin{pos: lookup.Pos(), why: fmt.Sprintf("nothing in this function makes sure it has one (a comma-ok or nil check, a store, a helper that fills %s)", name), kind: fromOuterPath}
}

// outerLocation returns the key of the map-of-maps location that addr
// addresses (a field or a package variable), and a name for messages.
func outerLocation(addr ssa.Value) (outerKey, string, bool) {
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		if f := fieldOf(x.X.Type(), x.Field); f != nil && isMapOfMaps(f.Type()) {
			return outerKey{field: f}, "field " + f.Name(), true
		}
	case *ssa.Global:
		if isMapOfMaps(x.Type().(*types.Pointer).Elem()) {
			return outerKey{global: x}, "package variable " + x.Name(), true
		}
	}
	return outerKey{}, "", false
}

// loadOf returns the location that v is loaded from, when v is a load of a
// map-of-maps field or package variable.
func loadOf(v ssa.Value) (outerKey, bool) {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return outerKey{}, false
	}
	k, _, ok := outerLocation(u.X)
	return k, ok
}

// ensures reports whether fn makes sure of the entry key of the outer map
// at k (any key, when key is nil), as listed above. depth bounds the
// helpers followed.
func (a *checker) ensures(fn *ssa.Function, k outerKey, key ssa.Value, depth int) bool {
	same := func(x ssa.Value) bool { return key == nil || sameValue(x, key, 4) }
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MapUpdate:
				if lk, ok := loadOf(instr.Map); ok && lk == k && same(instr.Key) {
					return true
				}
			case *ssa.Store:
				if lk, _, ok := outerLocation(instr.Addr); ok && lk == k {
					return true
				}
			case *ssa.Lookup:
				if lk, ok := loadOf(instr.X); ok && lk == k && same(instr.Index) && checked(instr) {
					return true
				}
			case *ssa.Next:
				if r, ok := instr.Iter.(*ssa.Range); ok && key != nil && !instr.IsString && rangeKey(instr, key) {
					if lk, ok := loadOf(r.X); ok && lk == k {
						return true
					}
				}
			case *ssa.Call:
				callee := apis.StaticCallee(&instr.Call)
				if depth < 2 && callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == a.pass.Pkg && callee != fn && a.ensures(callee, k, nil, depth+1) {
					return true
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if depth < 2 && a.ensures(anon, k, nil, depth+1) {
			return true
		}
	}
	return false
}

// ensuredByCallers reports whether fn is a helper whose callers in this
// package make sure of the outer map's entries before calling it (the
// check in the caller, the write in the helper).
func (a *checker) ensuredByCallers(fn *ssa.Function, k outerKey) bool {
	if p := fn.Parent(); p != nil {
		return a.ensures(p, k, nil, 1)
	}
	calls := a.callers[fn]
	for _, c := range calls {
		if !a.ensures(c.Parent(), k, nil, 1) {
			return false
		}
	}
	return len(calls) > 0
}

// filledWithConst reports whether key is a constant and some function of
// the package stores into the outer map at k with the same key: an entry
// made up front.
func (a *checker) filledWithConst(k outerKey, key ssa.Value) bool {
	if _, ok := key.(*ssa.Const); !ok {
		return false
	}
	for _, fn := range a.allFuncs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if u, ok := instr.(*ssa.MapUpdate); ok && sameValue(u.Key, key, 1) {
					if lk, ok := loadOf(u.Map); ok && lk == k {
						return true
					}
				}
			}
		}
	}
	return false
}

// keyFilledByCallers reports whether key is a parameter of fn and every
// call of fn in the package passes a constant for it that the package
// fills up front (grpc's expectLogsN(expr, n, errorLog), with the outer map
// made with an entry for every logType).
func (a *checker) keyFilledByCallers(fn *ssa.Function, k outerKey, key ssa.Value) bool {
	p, ok := key.(*ssa.Parameter)
	if !ok {
		return false
	}
	i := slices.Index(fn.Params, p)
	calls := a.callers[fn]
	for _, c := range calls {
		if i < 0 || i >= len(c.Call.Args) || !a.filledWithConst(k, c.Call.Args[i]) {
			return false
		}
	}
	return len(calls) > 0
}

// checked reports whether the program inspects lookup's result beyond
// writing into it: a comma-ok lookup, or a comparison or len of the value.
func checked(lookup *ssa.Lookup) bool {
	if lookup.CommaOk {
		return true
	}
	for _, ref := range *lookup.Referrers() {
		switch r := ref.(type) {
		case *ssa.BinOp:
			return true
		case *ssa.Call:
			if isBuiltin(r.Call.Value, "len") {
				return true
			}
		}
	}
	return false
}

// rangeKey reports whether key is the key that the range step next yields.
func rangeKey(next *ssa.Next, key ssa.Value) bool {
	e, ok := key.(*ssa.Extract)
	return ok && e.Tuple == next && e.Index == 1
}
