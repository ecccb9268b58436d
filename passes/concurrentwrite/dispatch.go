package concurrentwrite

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// Dispatch through a package variable. A method call on an interface held
// in a package variable runs, in general, any implementation in the
// package (lockset.DynTargets). A spawner that installs one before the
// spawn pins it for the goroutine:
//
//	SetConcurrentOperator()                       // op = &lockedOperator{…}
//	defer SetOperator(&plainOperator{…})          // runs after
//	go func() { GetName(h) }()                    // op.GetName(h): lockedOperator's
//
// A spawn pins the variable g to the type T when g is an unexported
// variable of the package whose address goes nowhere (it is only loaded
// and stored), and its spawner, on every path to the spawn, last stores
// into g a value of type T: directly, or through a static call of a
// function of the package that does so on every path to its return
// (through its own calls in turn, the value a parameter bound at the
// call). Anything else the spawner does that may store into g (a store, a
// call reaching one, a call of a function value it cannot resolve) runs
// before that store, or is a deferred call (it runs at return); the
// goroutine's function reaches no store into g. The goroutine's calls of
// g's methods then run T's methods alone. A store that runs after the
// spawner returns (its deferred calls, its caller's code) is taken to
// follow the goroutine's calls: one that does not races with them on g.

// A pin says that the method calls on the interface held in the package
// variable g run the methods of the type t.
type pin struct {
	g       *ssa.Global
	t       types.Type
	callers map[*ssa.Function]bool // the functions that call a method on g
}

// on reports whether c calls a method on the pinned variable.
func (p *pin) on(c *ssa.CallCommon) bool { return c.IsInvoke() && loadedGlobal(c.Value) == p.g }

// filter keeps the targets that are methods of p's type (declared or
// promoted from an embedded field).
func (p *pin) filter(ts []target) []target {
	var out []target
	for _, t := range ts {
		obj, ok := t.fn.Object().(*types.Func)
		if !ok {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(p.t, true, obj.Pkg(), obj.Name()); m == obj {
			out = append(out, t)
		}
	}
	return out
}

// loadedGlobal returns the package variable v is loaded from, or nil.
func loadedGlobal(v ssa.Value) *ssa.Global {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		g, _ := u.X.(*ssa.Global)
		return g
	}
	return nil
}

// dispatch holds what the pins of a run are computed from.
type dispatch struct {
	vars     map[*ssa.Global]*pinVar // the variables a spawn can pin
	order    []*ssa.Global           // vars, in source order
	may      map[globalFn]bool       // see mayStore
	installs map[globalFn]ssa.Value  // see installs; nil for none
}

// A pinVar is a variable that a spawn can pin, with the functions that
// store into it and those that call its methods.
type pinVar struct{ writers, callers map[*ssa.Function]bool }

type globalFn struct {
	g  *ssa.Global
	fn *ssa.Function
}

// pinsOf returns the pins of the spawn sp (see above): none for a
// goroutine that does not start at its spawn instruction.
func (ck *checker) pinsOf(sp *spawn) []*pin {
	switch {
	case sp.parent == nil || sp.Instr == nil || sp.Instr.Parent() != sp.parent:
		return nil
	case sp.Kind != goroutine.Go && sp.Kind != goroutine.WaitGroupGo && sp.Kind != goroutine.ErrGroupGo:
		// A parallel subtest runs once its parent has returned, a
		// handler or timer when called, not at the spawn.
		return nil
	}
	d := ck.dispatchVars()
	var out []*pin
	for _, g := range d.order {
		if ck.mayStore(sp.Fn, g) {
			continue
		}
		set := ck.installer(sp.parent, g, []ssa.Instruction{sp.Instr}, true)
		if t := concrete(ck.installed(set, g, 0)); t != nil {
			out = append(out, &pin{g: g, t: t, callers: d.vars[g].callers})
		}
	}
	return out
}

// concrete returns the type of the value v converts to an interface, nil
// when v is not such a conversion of a non-interface value.
func concrete(v ssa.Value) types.Type {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok || types.IsInterface(mi.X.Type()) {
		return nil
	}
	return mi.X.Type()
}

// maxInstallDepth bounds the chain of static calls followed to the store
// that installs a value (SetConcurrentOperator calling SetOperator).
const maxInstallDepth = 4

// installed returns the value, in the frame of set's function, that the
// instruction set leaves in g: the value it stores, or the one the
// function it calls installs (its parameter replaced by the call's
// argument); nil when unknown.
func (ck *checker) installed(set ssa.Instruction, g *ssa.Global, depth int) ssa.Value {
	switch x := set.(type) {
	case *ssa.Store:
		return x.Val
	case *ssa.Call:
		callee := apis.StaticCallee(&x.Call)
		if callee == nil || depth >= maxInstallDepth {
			return nil
		}
		v := ck.installs(callee, g, depth+1)
		if p, ok := v.(*ssa.Parameter); ok {
			i := slices.Index(callee.Params, p)
			if i < 0 || i >= len(x.Call.Args) {
				return nil
			}
			return x.Call.Args[i]
		}
		return v
	}
	return nil
}

// installs returns the value, in fn's frame, that fn leaves in g on every
// path to its return (nil when unknown).
func (ck *checker) installs(fn *ssa.Function, g *ssa.Global, depth int) ssa.Value {
	d := ck.dispatchVars()
	k := globalFn{g, fn}
	if v, ok := d.installs[k]; ok {
		return v
	}
	d.installs[k] = nil // a recursive installer installs nothing known
	var rets []ssa.Instruction
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, r)
		}
	}
	var v ssa.Value
	if set := ck.installer(fn, g, rets, false); set != nil {
		v = ck.installed(set, g, depth)
	}
	d.installs[k] = v
	return v
}

// installer returns the instruction of fn that last stores into g before
// each of sinks, on every path: it dominates them, and every other
// instruction of fn that may store into g is a store or a static call of
// the package that runs neither between it and a sink nor after a sink
// (for a spawner, deferred calls aside: they run at its return). Nil when
// there is none.
func (ck *checker) installer(fn *ssa.Function, g *ssa.Global, sinks []ssa.Instruction, spawner bool) ssa.Instruction {
	if len(sinks) == 0 {
		return nil
	}
	var sets []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Defer); ok && spawner {
				continue
			}
			if ck.storesInto(instr, g, fn) {
				sets = append(sets, instr)
			}
		}
	}
	var set ssa.Instruction
	for _, s := range sets {
		if dominatesAll(s, sinks) && (set == nil || goroutine.Dominates(set, s)) {
			set = s // the last: each dominates the next
		}
	}
	if set == nil {
		return nil
	}
	again := func(i ssa.Instruction) bool { return i == set }
	never := func(ssa.Instruction) bool { return false }
	for _, x := range sets {
		if !plainSet(x, fn) {
			return nil // a goroutine, or what the pass cannot name
		}
		for _, sink := range sinks {
			if x == sink || goroutine.AfterBy(sink, x, never) ||
				x != set && goroutine.AfterBy(set, x, again) && goroutine.AfterBy(x, sink, again) {
				return nil
			}
		}
	}
	return set
}

// dominatesAll reports whether i runs before each of sinks on every path.
func dominatesAll(i ssa.Instruction, sinks []ssa.Instruction) bool {
	for _, s := range sinks {
		if !goroutine.Dominates(i, s) {
			return false
		}
	}
	return true
}

// plainSet reports whether x, an instruction of fn that may store into a
// variable, is a store or a static call of a function of the package that
// starts no goroutine: its stores are done when it is.
func plainSet(x ssa.Instruction, fn *ssa.Function) bool {
	switch x := x.(type) {
	case *ssa.Store:
		return true
	case *ssa.Call:
		callee := apis.StaticCallee(&x.Call)
		return callee != nil && callee.Pkg == fn.Pkg && !goroutine.IsSpawnCall(x)
	}
	return false
}

// storesInto reports whether instr, in the frame of fn, may store into g:
// a store, or a call that may run a function that does (see mayStore).
func (ck *checker) storesInto(instr ssa.Instruction, g *ssa.Global, fn *ssa.Function) bool {
	switch x := instr.(type) {
	case *ssa.Store:
		return x.Addr == g
	case ssa.CallInstruction:
		fns, unknown := ck.runs(x.Common(), fn)
		if unknown {
			return true
		}
		for _, f := range fns {
			if ck.mayStore(f, g) {
				return true
			}
		}
	}
	return false
}

// mayStore reports whether fn, or a function it may run, stores into g.
func (ck *checker) mayStore(fn *ssa.Function, g *ssa.Global) bool {
	d := ck.dispatchVars()
	if v, ok := d.may[globalFn{g, fn}]; ok {
		return v
	}
	seen := make(map[*ssa.Function]bool)
	var visit func(f *ssa.Function) bool
	visit = func(f *ssa.Function) bool {
		if v, ok := d.may[globalFn{g, f}]; ok {
			return v
		}
		if seen[f] {
			return false
		}
		seen[f] = true
		if d.vars[g].writers[f] {
			return true
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				fns, unknown := ck.runs(c.Common(), nil)
				if unknown || slices.ContainsFunc(fns, visit) {
					return true
				}
			}
		}
		return false
	}
	if visit(fn) {
		d.may[globalFn{g, fn}] = true
		return true
	}
	// Nothing the walk saw reaches a store: each function it saw is done.
	for f := range seen {
		d.may[globalFn{g, f}] = false
	}
	return false
}

// runs returns the functions of the package that the call c may run (see
// targetsOf, and the functions it passes), and whether it may run one it
// cannot name: a function value it calls or passes that soleFunc cannot
// resolve.
func (ck *checker) runs(c *ssa.CallCommon, root *ssa.Function) ([]*ssa.Function, bool) {
	var out []*ssa.Function
	unknown := false
	resolve := func(v ssa.Value) {
		if f, ok := soleFunc(v, root); f != nil {
			out = append(out, f)
		} else if !ok {
			unknown = true
		}
	}
	if c.StaticCallee() != nil || c.IsInvoke() {
		for _, t := range ck.targetsOf(c, nil) {
			out = append(out, t.fn)
		}
	} else if dyn := ck.lp.DynTargets(c); len(dyn) > 0 {
		for _, t := range dyn {
			out = append(out, t.Fn)
		}
	} else if _, ok := c.Value.(*ssa.Builtin); !ok {
		resolve(c.Value)
	}
	for _, a := range c.Args {
		if _, isFunc := a.Type().Underlying().(*types.Signature); isFunc {
			if _, isConst := a.(*ssa.Const); !isConst {
				resolve(a)
			}
		}
	}
	return out, unknown
}

// soleFunc returns the only function that the function value v may hold:
// a function, a closure or a method value, possibly through a variable
// stored once (mapid.SoleValue) or a closure's free variable. A parameter
// of any function but root is resolved where it is bound (ok, no
// function); otherwise ok is false when there is no such function.
func soleFunc(v ssa.Value, root *ssa.Function) (fn *ssa.Function, ok bool) {
	free := false // v is what a closure's free variable is bound to
	for range 8 {
		switch x := v.(type) {
		case *ssa.Function, *ssa.MakeClosure:
			f, _ := goroutine.Target(x)
			return f, f != nil
		case *ssa.ChangeType:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, false
			}
			if v = mapid.SoleValue(x.X); v == nil {
				return nil, false
			}
		case *ssa.FreeVar:
			if v = mapid.Binding(x); v == nil {
				return nil, false
			}
			free = true
		case *ssa.Parameter:
			// A caller binds it, and the walk resolves the caller's
			// argument there; not so for the spawner's own, nor for
			// one a closure captures (its creator is no caller).
			return nil, !free && x.Parent() != root
		default:
			return nil, false
		}
	}
	return nil, false
}

// dispatchVars returns the package's variables that a spawn can pin,
// computed on first use: unexported interface variables whose address
// goes nowhere, whose methods the package calls.
func (ck *checker) dispatchVars() *dispatch {
	if ck.disp != nil {
		return ck.disp
	}
	d := &dispatch{vars: make(map[*ssa.Global]*pinVar), may: make(map[globalFn]bool), installs: make(map[globalFn]ssa.Value)}
	ck.disp = d
	fns := ck.fns
	if s, ok := ck.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA); ok && s.Pkg != nil {
		if init := s.Pkg.Func("init"); init != nil && !slices.Contains(fns, init) {
			fns = append(fns[:len(fns):len(fns)], init)
		}
	}
	bad := make(map[*ssa.Global]bool)
	var rands []*ssa.Value
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				rands = instr.Operands(rands[:0])
				for _, op := range rands {
					if g, ok := (*op).(*ssa.Global); ok && ck.pinnable(g) {
						d.use(g, instr, fn, bad)
					}
				}
			}
		}
	}
	for g, v := range d.vars {
		if bad[g] || len(v.callers) == 0 {
			delete(d.vars, g)
			continue
		}
		d.order = append(d.order, g)
	}
	slices.SortFunc(d.order, func(a, b *ssa.Global) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return d
}

// pinnable reports whether g is an unexported interface variable of the
// package: no other package stores into it.
func (ck *checker) pinnable(g *ssa.Global) bool {
	obj := g.Object()
	return obj != nil && obj.Pkg() == ck.pass.Pkg && !obj.Exported() && types.IsInterface(obj.Type())
}

// use records the use of g by instr, of fn: a store into it, a load (and
// the method calls on what it loads), or anything else (bad: its address
// goes where the pass does not follow).
func (d *dispatch) use(g *ssa.Global, instr ssa.Instruction, fn *ssa.Function, bad map[*ssa.Global]bool) {
	v := d.vars[g]
	if v == nil {
		v = &pinVar{writers: make(map[*ssa.Function]bool), callers: make(map[*ssa.Function]bool)}
		d.vars[g] = v
	}
	switch x := instr.(type) {
	case *ssa.Store:
		if x.Addr == g && x.Val != g {
			v.writers[fn] = true
			return
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			for _, r := range *x.Referrers() {
				if c, ok := r.(ssa.CallInstruction); ok && c.Common().IsInvoke() && c.Common().Value == x {
					v.callers[fn] = true
				}
			}
			return
		}
	case *ssa.DebugRef:
		return
	}
	bad[g] = true
}
