package guards

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// A SerialFact says that a method runs the function passed as its
// parameter Param as a task of its receiver's executor: one goroutine per
// object, started once when the object is made, that receives the tasks
// from a channel and calls them one at a time. pion/ice's task loop,
//
//	func New(onClose func()) *Loop {
//		l := &Loop{tasks: make(chan task), …}
//		go l.runLoop(onClose)
//		return l
//	}
//
//	func (l *Loop) runLoop(onClose func()) {
//		for {
//			select {
//			case <-l.done:
//				return
//			case t := <-l.tasks:
//				t.fn(l)
//				close(t.done)
//			}
//		}
//	}
//
//	func (l *Loop) Run(ctx context.Context, t func(context.Context)) error {
//		done := make(chan struct{})
//		select {
//		…
//		case l.tasks <- task{t, done}:
//			<-done
//			return nil
//		}
//	}
//
// gives Run the fact "serial($2, waits)": the closures that the callers of
// loop.Run pass never run at the same time as each other, as if each held
// one lock of loop's. Waits says the method returns only after the task
// ran, so the caller's own locks are held while it runs.
type SerialFact struct {
	Param int
	Waits bool
}

func (*SerialFact) AFact() {}

func (f *SerialFact) String() string {
	if f.Waits {
		return fmt.Sprintf("serial($%d, waits)", f.Param)
	}
	return fmt.Sprintf("serial($%d)", f.Param)
}

// executor returns the executor that runs the closure cb passed to the
// call c, when c's callee has a SerialFact (of the package, or imported)
// and cb is the argument the fact names: the ref of the executor's lock,
// a step below the receiver, and whether the caller waits for the task.
func (r *Result) executor(c *ssa.Call, cb *ssa.Function) (mapid.Ref, bool, bool) {
	callee := apis.StaticCallee(&c.Call)
	if callee == nil {
		return mapid.Ref{}, false, false
	}
	f, ok := r.serial[callee]

	if !ok && r.pass != nil && callee.Pkg != nil && callee.Pkg.Pkg != r.pass.Pkg {
		if obj, isFunc := apis.Origin(callee).Object().(*types.Func); isFunc {
			ok = r.pass.ImportObjectFact(obj, &f)
		}
	}
	if !ok || f.Param >= len(c.Call.Args) {
		return mapid.Ref{}, false, false
	}
	if mc, isClosure := c.Call.Args[f.Param].(*ssa.MakeClosure); !isClosure || mc.Fn != cb {
		return mapid.Ref{}, false, false
	}
	return mapid.RefOf(c.Call.Args[0]).Append(mapid.Serial()), f.Waits, true
}

// exportSerial exports the SerialFact of each exported executor method.
func (r *Result) exportSerial(fns []*ssa.Function) {
	for _, fn := range fns {
		f, ok := r.serial[fn]
		if obj, isFunc := fn.Object().(*types.Func); ok && isFunc && obj.Exported() {
			r.pass.ExportObjectFact(obj, &f)
		}
	}
}

// serialMethods finds the package's executors (see SerialFact): for each
// unexported channel field whose every use is a send, a receive or a
// close, received in one method G of its owner only, which calls what it
// receives and is started by the package's only go statement naming it,
// once on an object its spawner has just made; the methods that send
// their function parameter on that channel, wrapped in a struct or not,
// and use it for nothing else.
func serialMethods(pkg *types.Package, fns []*ssa.Function) map[*ssa.Function]SerialFact {
	out := make(map[*ssa.Function]SerialFact)
	for _, u := range channelUses(pkg, fns) {
		if u.bad || u.recvFn == nil {
			continue
		}
		g := u.recvFn
		if !startedOnce(g, fns) {
			continue
		}
		for _, s := range u.sends {
			// The sender waits for the task when it waits for a
			// channel of the task that the receiver signals after
			// every call.
			if param, field, waits, ok := sentParam(s); ok && field == u.called {
				out[s.Parent()] = SerialFact{Param: param, Waits: waits && u.signals}
			}
		}
	}
	return out
}

// startedOnce reports whether g, an unexported method, is used only by a
// single go statement of the package, outside loops, on an object that
// the spawning function has just allocated.
func startedOnce(g *ssa.Function, fns []*ssa.Function) bool {
	obj, ok := g.Object().(*types.Func)
	if !ok || obj.Exported() || g.Signature.Recv() == nil {
		return false
	}
	var start *ssa.Go
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var ops [8]*ssa.Value
				for _, op := range instr.Operands(ops[:0]) {
					if !names(*op, g) {
						continue
					}
					gi, isGo := instr.(*ssa.Go)
					if !isGo || gi.Call.Value != g || start != nil {
						return false
					}
					start = gi
				}
			}
		}
	}
	if start == nil || goroutine.InCycle(start.Block()) || len(start.Call.Args) == 0 {
		return false
	}
	alloc, ok := start.Call.Args[0].(*ssa.Alloc)
	return ok && alloc.Heap && alloc.Parent() == start.Parent()
}

// names reports whether v is g, or a method value or method expression
// that calls g (go/ssa's bound and thunk wrappers).
func names(v ssa.Value, g *ssa.Function) bool {
	if v == g {
		return true
	}
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = v
	}
	if fn == nil || fn.Synthetic == "" {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok && c.Common().Value == g {
				return true
			}
		}
	}
	return false
}

// sentParam returns the function parameter of the method that s sends on
// its receiver's channel (the struct field it is sent in, -1 if sent
// itself), when the parameter is used for nothing else; waits says the
// method then receives from a channel sent in the same struct.
func sentParam(s ssa.Instruction) (param, field int, waits, ok bool) {
	fn := s.Parent()
	var sent ssa.Value
	switch s := s.(type) {
	case *ssa.Send:
		sent = s.X
	case *ssa.Select:
		for _, st := range s.States {
			if st.Dir == types.SendOnly && st.Send != nil && isChanField(st.Chan, fn) {
				sent = st.Send
			}
		}
	}
	for i, p := range fn.Params[1:] {
		if _, isFunc := p.Type().Underlying().(*types.Signature); !isFunc {
			continue
		}
		if sent == p && usedOnlyBy(p, s) {
			return i + 1, -1, false, true
		}
		if f, w, ok := storedInSent(p, sent); ok {
			return i + 1, f, w, true
		}
	}
	return 0, 0, false, false
}

// isChanField reports whether ch is a load of a channel field of fn's
// receiver.
func isChanField(ch ssa.Value, fn *ssa.Function) bool {
	ld, ok := ch.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	return ok && isRecv(fa.X, fn)
}

// isRecv reports whether v is the receiver of the method fn, as a
// parameter or loaded from the variable that closures capture it in.
func isRecv(v ssa.Value, fn *ssa.Function) bool {
	if fn.Signature.Recv() == nil || len(fn.Params) == 0 {
		return false
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		return mapid.SpilledParam(ld.X) == fn.Params[0]
	}
	return v == fn.Params[0]
}

// usedOnlyBy reports whether v's only use (debug references aside) is
// instr.
func usedOnlyBy(v ssa.Value, instr ssa.Instruction) bool {
	for _, ref := range *v.Referrers() {
		if _, dbg := ref.(*ssa.DebugRef); !dbg && ref != instr {
			return false
		}
	}
	return true
}

// storedInSent reports whether the parameter p is used only by a store
// into a field of the local struct whose value is sent, and returns that
// field; waits says another field of it holds a channel that the method
// receives from.
func storedInSent(p *ssa.Parameter, sent ssa.Value) (field int, waits, ok bool) {
	ld, isLoad := sent.(*ssa.UnOp)
	if !isLoad || ld.Op != token.MUL {
		return 0, false, false
	}
	alloc, isAlloc := ld.X.(*ssa.Alloc)
	if !isAlloc {
		return 0, false, false
	}
	field = -1
	for _, ref := range *p.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			fa, isField := ref.Addr.(*ssa.FieldAddr)
			if !isField || fa.X != alloc || ref.Val != p || field >= 0 {
				return 0, false, false
			}
			field = fa.Field
		case *ssa.DebugRef:
		default:
			return 0, false, false
		}
	}
	if field < 0 {
		return 0, false, false
	}
	for _, ref := range *alloc.Referrers() {
		fa, isField := ref.(*ssa.FieldAddr)
		if !isField || fa.Field == field {
			continue
		}
		for _, st := range *fa.Referrers() {
			if st, isStore := st.(*ssa.Store); isStore && st.Addr == fa && receivedFrom(st.Val) {
				waits = true
			}
		}
	}
	return field, waits, true
}

// receivedFrom reports whether the channel ch is received from.
func receivedFrom(ch ssa.Value) bool {
	if _, isChan := ch.Type().Underlying().(*types.Chan); !isChan {
		return false
	}
	for _, ref := range *ch.Referrers() {
		if u, ok := ref.(*ssa.UnOp); ok && u.Op == token.ARROW && u.X == ch {
			return true
		}
	}
	return false
}
