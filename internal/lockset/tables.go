package lockset

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// Function tables. A package keeps functions in an unexported variable of
// its own, a func or a map, slice or array of funcs, and calls them
// through it (pebble v1.1.5's format major version migrations, under
// d.mu):
//
//	var migrations = map[Version]func(*DB) error{ 2: func(d *DB) error { ...; return d.compactLocked() } }
//	func (d *DB) ratchetLocked(v Version) error { return migrations[v](d) }
//
// When every read of the variable, in the package and its initializer, is
// a call of an element (or a test of one: nil, comma-ok, len, delete), and
// every map or slice it holds is one the package built for it (a literal
// or make stored into it, or the elements it writes), no function stored
// in it can be called anywhere else: the calls through the variable are
// its call sites, like static calls, and it runs under the locks that all
// of them hold. A function stored there is not used as a value by that
// store. Any other read (the table returned or passed, an element stored
// elsewhere, ranged over, started by go or deferred) leaves the variable
// out, and its functions taken, as before.

// tables resolves the calls through function tables.
type tables struct {
	calls  map[*ssa.CallCommon][]*ssa.Function // the functions a call through a table may run
	stored map[ssa.Instruction]ssa.Value       // a store of a function into a table: not a use as a value
}

// tableVar is what one variable's table is found to hold and where it is
// called, while its uses are checked.
type tableVar struct {
	ok     bool
	fns    []*ssa.Function
	calls  []*ssa.CallCommon
	stores map[ssa.Instruction]ssa.Value
}

// newTables finds the function tables of pkg among the instructions of
// fns and of the package initializer.
func newTables(pkg *ssa.Package, fns []*ssa.Function) *tables {
	t := &tables{calls: make(map[*ssa.CallCommon][]*ssa.Function), stored: make(map[ssa.Instruction]ssa.Value)}
	if pkg == nil {
		return t
	}
	all := fns
	if init := pkg.Func("init"); init != nil && !slices.Contains(fns, init) {
		all = append(slices.Clip(fns), init)
	}
	vars := make(map[*ssa.Global]*tableVar)
	var order []*ssa.Global
	for _, fn := range all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(*ssa.DebugRef); ok {
					continue
				}
				for _, op := range instr.Operands(nil) {
					g, ok := (*op).(*ssa.Global)
					if !ok || !isTable(pkg, g) {
						continue
					}
					tv := vars[g]
					if tv == nil {
						tv = &tableVar{ok: true, stores: make(map[ssa.Instruction]ssa.Value)}
						vars[g] = tv
						order = append(order, g)
					}
					if tv.ok {
						tv.ok = tv.use(g, instr)
					}
				}
			}
		}
	}
	for _, g := range order {
		tv := vars[g]
		if !tv.ok {
			continue
		}
		for _, c := range tv.calls {
			t.calls[c] = tv.fns
		}
		for instr, v := range tv.stores {
			t.stored[instr] = v
		}
	}
	return t
}

// isTable reports whether g may be a function table: an unexported
// variable of pkg holding a func, or a map, slice or array of funcs.
func isTable(pkg *ssa.Package, g *ssa.Global) bool {
	if g.Pkg != pkg || token.IsExported(g.Name()) {
		return false
	}
	return tableKind(g.Type().(*types.Pointer).Elem()) != notTable
}

type kind uint8

const (
	notTable kind = iota
	funcTable
	mapTable
	sliceTable
	arrayTable
)

func tableKind(t types.Type) kind {
	isFunc := func(t types.Type) bool {
		_, ok := t.Underlying().(*types.Signature)
		return ok
	}
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return funcTable
	case *types.Map:
		if isFunc(u.Elem()) {
			return mapTable
		}
	case *types.Slice:
		if isFunc(u.Elem()) {
			return sliceTable
		}
	case *types.Array:
		if isFunc(u.Elem()) {
			return arrayTable
		}
	}
	return notTable
}

// use checks instr, an instruction with g among its operands, and reports
// whether the table may still be resolved.
func (tv *tableVar) use(g *ssa.Global, instr ssa.Instruction) bool {
	k := tableKind(g.Type().(*types.Pointer).Elem())
	switch x := instr.(type) {
	case *ssa.Store:
		if x.Addr != g || x.Val == ssa.Value(g) {
			return false
		}
		switch k {
		case funcTable:
			tv.element(x, x.Val)
			return true
		case mapTable:
			return isNil(x.Val) || tv.builtMap(x)
		case sliceTable:
			return isNil(x.Val) || tv.builtSlice(x)
		}
		return tv.builtArray(x)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		switch k {
		case funcTable:
			return tv.called(x)
		case mapTable:
			return tv.readMap(x)
		case sliceTable:
			return tv.readSlice(x)
		}
		return tv.readArray(x)
	case *ssa.IndexAddr:
		return k == arrayTable && x.X == ssa.Value(g) && tv.elementAddr(x)
	}
	return false
}

// element records v, stored into the table by instr: a function of the
// package is one the table's calls may run, and the store is no use of it
// as a value. Another value (a parameter, a call's result) is no function
// this analysis follows; it does not spoil the table.
func (tv *tableVar) element(instr ssa.Instruction, v ssa.Value) {
	var fn *ssa.Function
	switch f := v.(type) {
	case *ssa.Function:
		fn = apis.Origin(f)
	case *ssa.MakeClosure:
		fn = f.Fn.(*ssa.Function)
	}
	if fn == nil || fn.Synthetic != "" {
		return
	}
	if !slices.Contains(tv.fns, fn) {
		tv.fns = append(tv.fns, fn)
	}
	tv.stores[instr] = v
}

// builtMap reports whether the map that st stores into the table is made
// for it: a make or literal used only by its element writes and the store.
func (tv *tableVar) builtMap(st *ssa.Store) bool {
	mm, ok := st.Val.(*ssa.MakeMap)
	if !ok {
		return false
	}
	for _, r := range *mm.Referrers() {
		switch u := r.(type) {
		case *ssa.Store:
			if u != st {
				return false
			}
		case *ssa.MapUpdate:
			if u.Map != ssa.Value(mm) || u.Value == ssa.Value(mm) {
				return false
			}
			tv.element(u, u.Value)
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// builtSlice reports whether the slice that st stores into the table is a
// literal made for it: the slice of a fresh array whose elements are only
// written.
func (tv *tableVar) builtSlice(st *ssa.Store) bool {
	sl, ok := st.Val.(*ssa.Slice)
	if !ok || !onlyUsedBy(sl, st) {
		return false
	}
	a, ok := sl.X.(*ssa.Alloc)
	return ok && tv.onlyElementsWritten(a, sl)
}

// builtArray reports whether the array that st stores into the table is
// a literal made for it: read once from a local array whose elements are
// only written.
func (tv *tableVar) builtArray(st *ssa.Store) bool {
	ld, ok := st.Val.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL || !onlyUsedBy(ld, st) {
		return false
	}
	a, ok := ld.X.(*ssa.Alloc)
	return ok && tv.onlyElementsWritten(a, ld)
}

// onlyElementsWritten reports whether the local array a is used only by
// view, the slice or load that hands it to the table, and by writes of its
// elements (recorded by writtenElement).
func (tv *tableVar) onlyElementsWritten(a *ssa.Alloc, view ssa.Instruction) bool {
	for _, r := range *a.Referrers() {
		switch u := r.(type) {
		case *ssa.IndexAddr:
			if !tv.writtenElement(u) {
				return false
			}
		case *ssa.DebugRef:
		default:
			if r != view {
				return false
			}
		}
	}
	return true
}

// writtenElement reports whether the address of an element of an array
// being built is only written, and records what it is written.
func (tv *tableVar) writtenElement(ia *ssa.IndexAddr) bool {
	for _, w := range *ia.Referrers() {
		ws, ok := w.(*ssa.Store)
		if !ok || ws.Addr != ssa.Value(ia) || ws.Val == ssa.Value(ia) {
			return false
		}
		tv.element(ws, ws.Val)
	}
	return true
}

// onlyUsedBy reports whether v's only use is instr.
func onlyUsedBy(v ssa.Value, instr ssa.Instruction) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); !ok && r != instr {
			return false
		}
	}
	return true
}

// readMap checks the uses of m, the map loaded from the table: lookups
// whose element is only called, writes of elements, delete and len.
func (tv *tableVar) readMap(m *ssa.UnOp) bool {
	for _, r := range *m.Referrers() {
		switch u := r.(type) {
		case *ssa.Lookup:
			if u.X != ssa.Value(m) {
				return false
			}
			if !u.CommaOk {
				if !tv.called(u) {
					return false
				}
				continue
			}
			for _, e := range *u.Referrers() {
				ex, ok := e.(*ssa.Extract)
				if !ok {
					if _, dbg := e.(*ssa.DebugRef); dbg {
						continue
					}
					return false
				}
				if ex.Index == 0 && !tv.called(ex) {
					return false
				}
			}
		case *ssa.MapUpdate:
			if u.Map != ssa.Value(m) || u.Value == ssa.Value(m) {
				return false
			}
			tv.element(u, u.Value)
		case *ssa.Call:
			if !builtinOf(u, m, "len", "delete") {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// readSlice checks the uses of s, the slice loaded from the table: its
// elements, and len.
func (tv *tableVar) readSlice(s *ssa.UnOp) bool {
	for _, r := range *s.Referrers() {
		switch u := r.(type) {
		case *ssa.IndexAddr:
			if u.X != ssa.Value(s) || !tv.elementAddr(u) {
				return false
			}
		case *ssa.Call:
			if !builtinOf(u, s, "len") {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// readArray checks the uses of a, the whole array loaded from the table:
// its elements, only called.
func (tv *tableVar) readArray(a *ssa.UnOp) bool {
	for _, r := range *a.Referrers() {
		switch u := r.(type) {
		case *ssa.Index:
			if u.X != ssa.Value(a) || !tv.called(u) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// elementAddr checks the uses of the address of an element of the table:
// loads only called, and stores.
func (tv *tableVar) elementAddr(ia *ssa.IndexAddr) bool {
	for _, r := range *ia.Referrers() {
		switch u := r.(type) {
		case *ssa.UnOp:
			if u.Op != token.MUL || !tv.called(u) {
				return false
			}
		case *ssa.Store:
			if u.Addr != ssa.Value(ia) || u.Val == ssa.Value(ia) {
				return false
			}
			tv.element(u, u.Val)
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// called checks that the function value v, read from the table, is only
// called (not started by go, deferred, passed or stored) or compared with
// nil, and records its calls.
func (tv *tableVar) called(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch u := r.(type) {
		case *ssa.Call:
			if u.Call.Value != v || slices.Contains(u.Call.Args, v) {
				return false
			}
			tv.calls = append(tv.calls, &u.Call)
		case *ssa.BinOp:
			if (u.Op != token.EQL && u.Op != token.NEQ) || !(isNil(u.X) || isNil(u.Y)) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// isNil reports whether v is the constant nil (or a zero value).
func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// builtinOf reports whether c calls one of the builtins names, with v only
// as its first argument.
func builtinOf(c *ssa.Call, v ssa.Value, names ...string) bool {
	b, ok := c.Call.Value.(*ssa.Builtin)
	if !ok || !slices.Contains(names, b.Name()) || len(c.Call.Args) == 0 || c.Call.Args[0] != v {
		return false
	}
	return !slices.Contains(c.Call.Args[1:], v)
}

// markTaken marks the functions among vals, the operands instr uses as
// values, as taken; a function that instr stores into a function table
// is not (its calls are the table's, see tables.go).
func markTaken(taken map[*ssa.Function]bool, t *tables, instr ssa.Instruction, vals []ssa.Value) {
	for _, v := range vals {
		if s, ok := t.stored[instr]; ok && s == v {
			continue
		}
		switch f := v.(type) {
		case *ssa.Function:
			taken[f] = true
		case *ssa.MakeClosure:
			if !onlyCalled(f) {
				taken[f.Fn.(*ssa.Function)] = true
			}
		}
	}
}
