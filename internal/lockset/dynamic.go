package lockset

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// Dynamic calls. An interface method call runs one of the methods of the
// package's types that implement the interface: those it declares with
// the method's identity (an unexported method can only be declared, and
// called, in its own package), of an exported type or of a type the
// package converts to an interface somewhere, a package-level variable's
// initializer included (no other package can convert an unexported
// type). Such a call is a call site of each of them, like a static call:
// a method that every interface call reaches holding s.mu runs under
// s.mu, and one interface call without it leaves the method unguarded.
//
//	type policy interface{ evict(c *Cache) }
//	func (lru) evict(c *Cache) { delete(c.items, c.oldest()) }
//	func (c *Cache) Put(k string) { c.mu.Lock(); defer c.mu.Unlock(); c.policy.evict(c); ... }

// dynamic resolves the interface method calls of a package.
type dynamic struct {
	methods map[string][]*ssa.Function // declared methods by name
	boxed   map[*types.TypeName]bool   // types converted (or pointers to them) to an interface
	cache   map[dynKey][]*ssa.Function
	fields  map[*types.Var][]*ssa.Store // the stores into func-typed fields
	pkg     *types.Package              // the package analysed
	tables  *tables                     // the calls through function tables (see tables.go)
}

type dynKey struct {
	iface types.Type
	id    string
}

func newDynamic(fns []*ssa.Function) *dynamic {
	d := &dynamic{pkg: pkgOf(fns), methods: make(map[string][]*ssa.Function), boxed: make(map[*types.TypeName]bool), cache: make(map[dynKey][]*ssa.Function), fields: make(map[*types.Var][]*ssa.Store), tables: newTables(ssaPkgOf(fns), fns)}
	for _, fn := range fns {
		if recv := fn.Signature.Recv(); recv != nil && fn.Parent() == nil && fn.Synthetic == "" && !generic(recv.Type()) {
			d.methods[fn.Name()] = append(d.methods[fn.Name()], fn)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						if f := mapid.FieldVar(fa); f != nil {
							if _, isFunc := f.Type().Underlying().(*types.Signature); isFunc {
								d.fields[f] = append(d.fields[f], st)
							}
						}
					}
				}
				d.box(instr)
			}
		}
	}
	if init := initOf(fns); init != nil {
		// The initializers of package-level variables convert too:
		// var store Store = &memStore{…}.
		for _, b := range init.Blocks {
			for _, instr := range b.Instrs {
				d.box(instr)
			}
		}
	}
	return d
}

// box records the named type that instr converts to an interface.
func (d *dynamic) box(instr ssa.Instruction) {
	if mi, ok := instr.(*ssa.MakeInterface); ok {
		if n := namedOf(mi.X.Type()); n != nil {
			d.boxed[n.Obj()] = true
		}
	}
}

// callees returns the methods of the package that the interface method
// call c may run, or the functions of the package that the call through a
// function table may run.
func (d *dynamic) callees(c *ssa.CallCommon) []*ssa.Function {
	if !c.IsInvoke() {
		return d.tables.calls[c]
	}
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok || !d.local(c) {
		return nil
	}
	key := dynKey{types.Unalias(c.Value.Type()), c.Method.Id()}
	if out, ok := d.cache[key]; ok {
		return out
	}
	var out []*ssa.Function
	for _, fn := range d.methods[c.Method.Name()] {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Id() != c.Method.Id() {
			continue
		}
		recv := types.Unalias(fn.Signature.Recv().Type())
		ptr, isPtr := recv.(*types.Pointer)
		if !isPtr {
			ptr = types.NewPointer(recv)
		}
		named := namedOf(recv)
		if named == nil || (!named.Obj().Exported() && !d.boxed[named.Obj()]) {
			continue // no other package converts it, and this one never does
		}
		if types.Implements(recv, iface) || types.Implements(ptr, iface) {
			out = append(out, fn)
		}
	}
	d.cache[key] = out
	return out
}

// local reports whether the callee set of the interface method call c is
// the package's to know: the interface is declared in the package, or the
// method is unexported (so declared and called only in its package). An
// interface of another package (io.Writer) is implemented by types this
// package never sees, and its calls here are rarely of this package's
// types.
func (d *dynamic) local(c *ssa.CallCommon) bool {
	if !c.Method.Exported() {
		return true
	}
	n, ok := types.Unalias(c.Value.Type()).(*types.Named)
	return ok && d.pkg != nil && n.Obj().Pkg() == d.pkg
}

// namedOf returns the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// pkgOf returns the package of fns (the first with one).
func pkgOf(fns []*ssa.Function) *types.Package {
	for _, fn := range fns {
		if fn.Pkg != nil {
			return fn.Pkg.Pkg
		}
	}
	return nil
}

// ssaPkgOf returns the SSA package of fns (the first with one).
func ssaPkgOf(fns []*ssa.Function) *ssa.Package {
	for _, fn := range fns {
		if fn.Pkg != nil {
			return fn.Pkg
		}
	}
	return nil
}

// generic reports whether t is (a pointer to) a type with type parameters.
func generic(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.TypeParams().Len() > 0
}

// callArgs returns the values a call binds to the callee's parameters: the
// receiver of an interface method call first (the converted value itself
// when the call converts it: var r resetter = s; r.reset()).
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if !c.IsInvoke() {
		return c.Args
	}
	recv := c.Value
	if mi, ok := recv.(*ssa.MakeInterface); ok {
		recv = mi.X
	}
	return append([]ssa.Value{recv}, c.Args...)
}

// A Target is a function a call runs, with the values bound to its
// parameters (nil where unknown).
type Target struct {
	Fn   *ssa.Function
	Args []ssa.Value
}

// DynTargets returns the functions of the package that the call c runs
// without naming them: the implementations of an interface method (see
// above), the functions of a function table (see tables.go), and the one
// function the package stores in a func-typed field of a struct
// (s.onEvict = s.evicted at construction, then s.onEvict(k)): a method
// value bound to the object holding the field runs with that object as
// its receiver.
func (p *Package) DynTargets(c *ssa.CallCommon) []Target {
	if c.IsInvoke() {
		var out []Target
		for _, fn := range p.dyn.callees(c) {
			out = append(out, Target{fn, callArgs(c)})
		}
		return out
	}
	if fns := p.dyn.tables.calls[c]; len(fns) > 0 {
		var out []Target
		for _, fn := range fns {
			out = append(out, Target{fn, c.Args})
		}
		return out
	}
	u, ok := c.Value.(*ssa.UnOp)
	if !ok {
		return nil
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	f := mapid.FieldVar(fa)
	if f == nil || len(p.dyn.fields[f]) != 1 {
		return nil
	}
	st := p.dyn.fields[f][0]
	switch x := st.Val.(type) {
	case *ssa.Function:
		return []Target{{apis.Origin(x), c.Args}}
	case *ssa.MakeClosure:
		fn := x.Fn.(*ssa.Function)
		if fn.Synthetic == "" {
			return []Target{{fn, c.Args}}
		}
		sa, ok := st.Addr.(*ssa.FieldAddr)
		if m := boundMethod(fn); m != nil && len(x.Bindings) == 1 && ok && x.Bindings[0] == sa.X {
			return []Target{{m, append([]ssa.Value{fa.X}, c.Args...)}}
		}
	}
	return nil
}

// boundMethod returns the method that the wrapper of a method value calls.
func boundMethod(wrapper *ssa.Function) *ssa.Function {
	if len(wrapper.FreeVars) != 1 {
		return nil
	}
	for _, b := range wrapper.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				return apis.StaticCallee(&c.Call)
			}
		}
	}
	return nil
}
