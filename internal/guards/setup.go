package guards

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// setupMethods finds the methods that complete the construction of the
// object they are called on, and for each the instructions that end its
// setup phase. A setup method is an exported method that alone, in the
// whole package, sets a field of its receiver of a type whose zero value
// does not work (a pointer, interface, map, channel or function), a field
// that other functions of the package read: no constructor or other method
// sets it, so the object's other methods cannot do their work before the
// setup method has run, and a caller that uses the object concurrently
// has called it first. go-ethereum's BlobPool.Init is the model: New
// returns a pool without its store, Init opens the store into p.store and
// fills p.index through recheck and drop, the helpers that Reset and Add
// call under p.lock; txpool.New calls Init before it starts the loop that
// calls Reset.
//
// Like a constructor's, the setup phase lasts until the method hands the
// object to a goroutine: it ends at a spawn in the method, or at a call
// that passes the receiver to a function of the package that may start
// goroutines. The receiver is not yet shared before that point
// (unsharedArg, IsFresh's counterpart setupFresh).
//
// The package's own code must not call the method on an object already
// shared, nor use it as a value: it would run again at any time. Test files
// set fields and call methods as they please and are not counted.
func (r *Result) setupMethods(fns []*ssa.Function) map[*ssa.Function][]ssa.Instruction {
	type use struct{ storers, loaders map[*ssa.Function]bool }
	fields := make(map[*types.Var]*use)
	calledShared := make(map[*ssa.Function]bool) // called by the package on a shared object
	for _, fn := range fns {
		if goroutine.InTestFile(goroutine.Outermost(fn)) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					if cf := apis.StaticCallee(&c.Call); cf != nil && len(c.Call.Args) > 0 && !r.IsFresh(fn, mapid.RefOf(c.Call.Args[0])) {
						calledShared[cf] = true
					}
				}
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok || !zeroUnusable(fa.Type().(*types.Pointer).Elem()) {
					continue
				}
				f := mapid.FieldVar(fa)
				if f == nil {
					continue
				}
				f = f.Origin()
				u := fields[f]
				if u == nil {
					u = &use{storers: make(map[*ssa.Function]bool), loaders: make(map[*ssa.Function]bool)}
					fields[f] = u
				}
				for _, ref := range *fa.Referrers() {
					if ld, ok := ref.(*ssa.UnOp); ok && ld.Op == token.MUL {
						u.loaders[fn] = true
						continue
					}
					// A store, or the field's address taken: a write as
					// far as this is concerned, on the receiver only (a
					// closure's store counts as its enclosing method's).
					m := goroutine.Outermost(fn)
					if ref := mapid.RefOf(fa.X); ref.Root == nil || ref.Root != receiver(m) || !ref.Path.IsEmpty() {
						u.storers[nil] = true
					}
					u.storers[m] = true
				}
			}
		}
	}
	out := make(map[*ssa.Function][]ssa.Instruction)
	for _, u := range fields {
		if len(u.storers) != 1 {
			continue
		}
		for m := range u.storers {
			if m == nil {
				continue
			}
			// The package's own calls of m on a shared object, or m used
			// as a value, may run it at any time.
			taken := len(r.Locks.Callers(m)) > 0 && !r.Locks.OnlyCalled(m)
			if !IsAPI(m) || receiver(m) == nil || calledShared[m] || taken || !loadedElsewhere(u.loaders, m) {
				continue
			}
			if _, ok := out[m]; !ok {
				out[m] = r.setupEnds(m)
			}
		}
	}
	return out
}

// loadedElsewhere reports whether a function other than m (or its
// closures) reads the field.
func loadedElsewhere(loaders map[*ssa.Function]bool, m *ssa.Function) bool {
	for fn := range loaders {
		if goroutine.Outermost(fn) != m {
			return true
		}
	}
	return false
}

// setupEnds returns the instructions of the setup method m after which its
// receiver may be shared with a goroutine: its spawns, and its calls that
// pass the receiver (or a closure holding it) to a function of the package
// that may start goroutines.
func (r *Result) setupEnds(m *ssa.Function) []ssa.Instruction {
	var ends []ssa.Instruction
	for _, s := range r.spawnsOf(m) {
		if s.Instr != nil {
			ends = append(ends, s.Instr)
		}
	}
	recv := receiver(m)
	for _, b := range m.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok || !r.mayStart(apis.StaticCallee(c.Common())) {
				continue
			}
			for _, a := range c.Common().Args {
				if holds(a, recv) {
					ends = append(ends, instr)
					break
				}
			}
		}
	}
	return ends
}

// mayStart reports whether fn, a function of the package, may start a
// goroutine, itself or through its static calls. A function of another
// package, or a call through a value, is taken to run its arguments
// during the call, as the lockset analysis does.
func (r *Result) mayStart(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	seen := map[*ssa.Function]bool{fn: true}
	work := []*ssa.Function{fn}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if len(r.spawnsOf(f)) > 0 {
			return true
		}
		for _, c := range r.Locks.Callees(f) {
			if !seen[c] {
				seen[c] = true
				work = append(work, c)
			}
		}
	}
	return false
}

// holds reports whether the argument v is the receiver recv, an object
// reached from it, or a closure that captures one.
func holds(v, recv ssa.Value) bool {
	if mc, ok := v.(*ssa.MakeClosure); ok {
		for _, b := range mc.Bindings {
			if holds(b, recv) {
				return true
			}
		}
		return false
	}
	return mapid.RefOf(v).Root == recv
}

// setupFresh reports whether the object ref, seen at instr of fn, is the
// receiver of a setup method in its setup phase.
func (r *Result) setupFresh(fn *ssa.Function, ref mapid.Ref, instr ssa.Instruction) bool {
	ends, ok := r.setup[fn]
	if !ok || ref.Root == nil || ref.Root != receiver(fn) || ref.Path.HasDeref() {
		return false
	}
	for _, e := range ends {
		if e == instr || goroutine.After(e, instr) {
			return false
		}
	}
	return true
}

// receiver returns the receiver of the method fn, nil for a function.
func receiver(fn *ssa.Function) ssa.Value {
	if fn.Signature.Recv() == nil || len(fn.Params) == 0 {
		return nil
	}
	if _, ok := fn.Params[0].Type().Underlying().(*types.Pointer); !ok {
		return nil
	}
	return fn.Params[0]
}

// zeroUnusable reports whether a field of type t must be set before use:
// a nil pointer, interface, map, channel or function panics when used.
func zeroUnusable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Chan, *types.Signature:
		return true
	}
	return false
}
