package guards

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// Copies of a goroutine started once per object.
//
// A function that starts one goroutine (go pc.runEventsLoop() in
// newPartitionConsumer) starts a copy of it on each call: when the
// function may run more than once, several copies run at once, each on the
// objects its spawner handed it. What a copy reaches through those objects
// is its own. An object that reaches it otherwise, from a package variable
// or a channel, may be reached by another copy at the same time: each
// partition consumer's event loop registers acknowledgements with the
// transaction a user shares among the consumers (pulsar-client-go#1536).
// The reach is the static calls from the goroutine's function; a parameter
// holds a shared object when some call in the reach passes one.

// instanceCopies fills r.copies and r.sharedParam (see SharedByCopies).
func (r *Result) instanceCopies(fns []*ssa.Function) {
	r.copies = make(map[*ssa.Function]bool)
	r.sharedParam = make(map[*ssa.Parameter]bool)
	var reach []*ssa.Function
	add := func(fn *ssa.Function) {
		if fn != nil && !r.copies[fn] && !r.Alone[fn] && r.Locks.Result(fn) != nil {
			r.copies[fn] = true
			reach = append(reach, fn)
		}
	}
	entry := make(map[*ssa.Function]bool)
	for _, fn := range fns {
		for _, s := range r.spawnsOf(fn) {
			// A goroutine started many times at once is in Multi, and
			// one whose spawner runs once has a single copy.
			if !s.Many && s.Fn != nil && !r.runsOnce(fn, 0) {
				entry[s.Fn] = true
				add(s.Fn)
			}
		}
	}
	for i := 0; i < len(reach); i++ {
		for _, c := range r.Locks.Callees(reach[i]) {
			add(c)
		}
	}
	// A parameter shared at one call is shared: iterate to the fixpoint
	// (the set only grows), in the reach's order.
	for changed := true; changed; {
		changed = false
		for _, fn := range reach {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if r.passesShared(instr, entry) {
						changed = true
					}
				}
			}
		}
	}
}

// passesShared marks the parameters of the callee of instr (a call or
// defer in the reach of the copies, not of an entry) that receive a shared
// object, and reports whether it marked one.
func (r *Result) passesShared(instr ssa.Instruction, entry map[*ssa.Function]bool) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	if _, isGo := instr.(*ssa.Go); isGo {
		return false // another goroutine: another spawn
	}
	callee := apis.StaticCallee(call.Common())
	if callee == nil || !r.copies[callee] || entry[callee] {
		return false
	}
	marked := false
	for i, arg := range call.Common().Args {
		if i < len(callee.Params) && !r.sharedParam[callee.Params[i]] && r.sharedRoot(mapid.RefOf(arg).Root) {
			r.sharedParam[callee.Params[i]] = true
			marked = true
		}
	}
	return marked
}

// SharedByCopies reports whether the map id, accessed in fn (a field of
// the object base), may be accessed at the same time by another copy of a
// goroutine that reaches fn (see instanceCopies): fn runs in such copies,
// and the map is a package variable or does not come from the objects the
// copy was started with.
func (r *Result) SharedByCopies(fn *ssa.Function, id mapid.ID, base mapid.Ref) bool {
	if !r.copies[fn] {
		return false
	}
	switch id.Kind {
	case mapid.Global:
		return true
	case mapid.Field:
		return r.sharedRoot(base.Root)
	case mapid.Param:
		return r.sharedRoot(id.Site)
	}
	return false
}

// sharedRoot reports whether an object rooted at v may be shared among
// copies: a package variable, a parameter marked shared, or a value
// received from a channel. Anything else (the copy's own parameters, what
// it allocates or computes) is taken to be the copy's own.
func (r *Result) sharedRoot(v ssa.Value) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Global:
			return true
		case *ssa.Parameter:
			return r.sharedParam[x]
		case *ssa.UnOp:
			return x.Op == token.ARROW
		case *ssa.Extract:
			if _, ok := x.Tuple.(*ssa.Select); ok {
				return true
			}
			v = x.Tuple
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// runsOnce reports whether fn runs once in the program: it runs alone
// (init, a test), it is the program's main function, or its one caller in
// the package runs once and calls it outside any loop, and other packages
// cannot call it.
func (r *Result) runsOnce(fn *ssa.Function, depth int) bool {
	if r.Alone[fn] || isMainFunc(fn) {
		return true
	}
	if depth > 3 || IsAPI(fn) || !r.Locks.OnlyCalled(fn) {
		return false
	}
	callers := r.Locks.Callers(fn)
	if len(callers) != 1 || !r.runsOnce(callers[0], depth+1) {
		return false
	}
	for _, b := range callers[0].Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok && apis.StaticCallee(c.Common()) == fn && goroutine.InCycle(b) {
				return false
			}
		}
	}
	return true
}

// isMainFunc reports whether fn is the main function of a main package,
// which runs once.
func isMainFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Name() == "main" && obj.Name() == "main" && fn.Signature.Recv() == nil
}
