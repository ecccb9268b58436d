// Package goroutine models where goroutines start and what orders code
// across them, for passes that reason about concurrent accesses.
//
// A spawn site starts a function in a new goroutine: a go statement,
// sync.WaitGroup.Go, errgroup.Group.Go/TryGo (golang.org/x/sync),
// time.AfterFunc, context.AfterFunc, an HTTP handler registration
// (http.HandleFunc, ServeMux.HandleFunc, a conversion to http.HandlerFunc)
// and t.Run with a body that calls t.Parallel. A spawn inside a loop, and an
// HTTP handler (one goroutine per request), runs many copies of the
// function at once. Any ServeHTTP method is such a handler too ([IsHandler]).
//
// Ordering: code of the spawner after WaitGroup.Wait, errgroup's Wait or a
// channel receive is taken as ordered after the goroutine's work ([Orders]):
// the receive is the hand-off of a done signal or of the data itself.
package goroutine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// Kind is how a goroutine is started.
type Kind uint8

const (
	Go          Kind = iota // go f()
	WaitGroupGo             // wg.Go(f)
	ErrGroupGo              // g.Go(f), g.TryGo(f)
	AfterFunc               // time.AfterFunc(d, f), context.AfterFunc(ctx, f)
	Handler                 // http.HandleFunc(p, f), mux.HandleFunc(p, f), http.HandlerFunc(f)
	Subtest                 // t.Run(name, f) where f calls t.Parallel()
	Stored                  // x.Worker = f, where another package runs x.Worker in goroutines
)

func (k Kind) String() string {
	return [...]string{"go statement", "WaitGroup.Go", "errgroup Go", "AfterFunc", "HTTP handler", "parallel subtest", "stored function"}[k]
}

// A Spawn is a place that starts a function in new goroutines.
type Spawn struct {
	Instr ssa.Instruction // the go statement, call or conversion
	Kind  Kind
	Fn    *ssa.Function // the function that runs
	// Args are the values bound to Fn's parameters (for go f(x), a bound
	// method's receiver), nil where unknown; free variables are seen by
	// Fn directly.
	Args []ssa.Value
	// Bind holds values for the parameters of a function that made Fn, a
	// closure, and returned it (withCtrl(w, ctrl) returning func() {
	// w.Work(ctrl) }): Fn's free variables resolve to them.
	Bind map[*ssa.Parameter]ssa.Value
	Many bool // many copies may run at once: in a loop, or per request
}

// Pos returns the position of the spawn site (none for a ServeHTTP method).
func (s *Spawn) Pos() token.Pos {
	if s.Instr == nil {
		return token.NoPos
	}
	if c, ok := s.Instr.(ssa.CallInstruction); ok {
		if p := c.Common().Pos(); p.IsValid() {
			return p
		}
	}
	return s.Instr.Pos()
}

// Spawns returns the spawn sites of fn, in instruction order.
func Spawns(fn *ssa.Function) []*Spawn {
	var out []*Spawn
	var loops []bool // computed at the first spawn: most functions have none
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			s := spawnAt(instr)
			if s == nil || s.Fn == nil || len(s.Fn.Blocks) == 0 {
				continue
			}
			if loops == nil {
				loops = loopBlocks(fn)
			}
			// In a loop, copies overlap unless each iteration waits for
			// its goroutine before starting the next.
			s.Many = s.Many || (loops[b.Index] && After(instr, instr))
			if s.Kind == Handler && InTestFile(fn) {
				// A test drives its own server, nearly always one
				// request at a time.
				s.Many = false
			}
			out = append(out, s)
		}
	}
	return out
}

func spawnAt(instr ssa.Instruction) *Spawn {
	switch instr := instr.(type) {
	case *ssa.Go:
		fn, args := target(instr.Call.Value)
		if fn == nil {
			fn, args = apis.StaticCallee(&instr.Call), instr.Call.Args
		} else if len(instr.Call.Args) > 0 {
			args = instr.Call.Args
		}
		if fn != nil && len(fn.Blocks) == 0 {
			// go wait.Until(c.worker, ...): a function of another
			// package runs the function value it is given.
			for _, a := range instr.Call.Args {
				if f, bound := target(a); f != nil && len(f.Blocks) > 0 {
					fn, args = f, bound
					break
				}
			}
		}
		return &Spawn{Instr: instr, Kind: Go, Fn: fn, Args: args}
	case *ssa.ChangeType:
		if isNamed(instr.Type(), "net/http", "HandlerFunc") {
			fn, args := target(instr.X)
			return &Spawn{Instr: instr, Kind: Handler, Fn: fn, Args: args, Many: true}
		}
	case *ssa.Call:
		return spawnCall(instr)
	}
	return nil
}

// IsSpawnCall reports whether the call c starts a goroutine running one of
// its arguments.
func IsSpawnCall(c *ssa.Call) bool { return spawnCall(c) != nil }

// spawnRoles maps the table's spawner roles to the kinds of spawn.
var spawnRoles = [...]struct {
	role apis.Role
	kind Kind
	many bool // one registration runs many goroutines
}{
	{apis.Spawn, Go, false}, {apis.SpawnTimer, AfterFunc, false},
	{apis.SpawnPerCall, Handler, true}, {apis.SpawnSubtest, Subtest, false},
}

func spawnCall(c *ssa.Call) *Spawn {
	fn := apis.Callee(&c.Call)
	for _, sr := range spawnRoles {
		r, ok := apis.Find(fn, sr.role)
		if !ok {
			continue
		}
		arg := apis.Arg(&c.Call, r.Arg)
		if arg == nil {
			return nil
		}
		f, fargs := target(arg)
		s := &Spawn{Instr: c, Kind: sr.kind, Fn: f, Args: fargs, Many: sr.many}
		switch {
		case sr.role == apis.Spawn && r.Pkg == "sync":
			s.Kind = WaitGroupGo
		case sr.role == apis.Spawn:
			s.Kind = ErrGroupGo
		case sr.role == apis.SpawnSubtest && (f == nil || !callsParallel(f)):
			return nil
		}
		return s
	}
	return nil
}

// Target returns the function that calling v runs, and the values bound to
// its parameters (a bound method value's receiver); nil when v is not a
// function, a closure or a method value.
func Target(v ssa.Value) (*ssa.Function, []ssa.Value) { return target(v) }

// target returns the function that calling v runs, and the values bound to
// its parameters (a bound method value's receiver).
func target(v ssa.Value) (*ssa.Function, []ssa.Value) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case *ssa.Function:
		return v, nil
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		if len(fn.FreeVars) == 1 && len(v.Bindings) == 1 && fn.Synthetic != "" {
			// A bound method value s.m: the wrapper calls the method
			// with the bound receiver.
			if m := boundMethod(fn); m != nil {
				return m, []ssa.Value{v.Bindings[0]}
			}
		}
		return fn, nil
	case *ssa.ChangeType:
		return target(v.X)
	}
	return nil, nil
}

func boundMethod(wrapper *ssa.Function) *ssa.Function {
	for _, b := range wrapper.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				return apis.StaticCallee(&c.Call)
			}
		}
	}
	return nil
}

// callsParallel reports whether fn marks its test as parallel
// ((*testing.T).Parallel).
func callsParallel(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if _, ok := apis.Of(&c.Call, apis.Parallel); ok {
					return true
				}
			}
		}
	}
	return false
}

// Outermost returns the named function that fn, a closure, is written in;
// fn itself when it is not a closure.
func Outermost(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// InTestFile reports whether fn is declared in a _test.go file.
func InTestFile(fn *ssa.Function) bool { return InTestFileAt(fn.Prog.Fset, fn.Pos()) }

// InTestFileAt reports whether pos is in a _test.go file.
func InTestFileAt(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// IsHandler reports whether fn is a method by which its type implements an
// interface whose server calls it in a goroutine per request (a row of the
// API table: http.Handler's ServeHTTP).
func IsHandler(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Signature.Recv() == nil {
		return false
	}
	_, ok = apis.Implements(obj, apis.ServedMethod)
	return ok
}

// Orders reports whether instr, executed by a spawner after starting a
// goroutine, waits for it: WaitGroup.Wait, errgroup's Wait, a channel
// receive (or a select that can receive).
func Orders(instr ssa.Instruction) bool {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		return instr.Op == token.ARROW
	case *ssa.Select:
		for _, st := range instr.States {
			if st.Dir == types.RecvOnly {
				return true
			}
		}
	case *ssa.Call:
		_, ok := apis.Of(&instr.Call, apis.Wait)
		return ok
	}
	return false
}

// After reports whether to may execute after from in their function without
// passing an instruction that Orders (to == from counts when in a loop).
func After(from, to ssa.Instruction) bool { return AfterBy(from, to, Orders) }

// AfterBy is After with orders in place of Orders: it reports whether to
// may execute after from without passing an instruction for which orders
// holds.
func AfterBy(from, to ssa.Instruction, orders func(ssa.Instruction) bool) bool {
	fb, tb := from.Block(), to.Block()
	fi, ti := Index(from), Index(to)
	// The rest of from's block.
	for _, instr := range fb.Instrs[fi+1:] {
		if instr == to {
			return true
		}
		if orders(instr) {
			return false
		}
	}
	seen := make([]bool, len(fb.Parent().Blocks))
	work := append([]*ssa.BasicBlock(nil), fb.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b.Index] {
			continue
		}
		seen[b.Index] = true
		blocked := false
		for i, instr := range b.Instrs {
			if b == tb && i == ti {
				return true
			}
			if orders(instr) {
				blocked = true
				break
			}
		}
		if !blocked {
			work = append(work, b.Succs...)
		}
	}
	return false
}

// Index returns the position of instr in its block, or -1.
func Index(instr ssa.Instruction) int {
	for i, x := range instr.Block().Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// Dominates reports whether d runs before i on every path to i (an
// instruction does not dominate itself).
func Dominates(d, i ssa.Instruction) bool {
	if d.Block() == i.Block() {
		return Index(d) < Index(i)
	}
	return d.Block().Dominates(i.Block())
}

// loopBlocks reports, per block index, whether the block is in a cycle.
func loopBlocks(fn *ssa.Function) []bool {
	n := len(fn.Blocks)
	out := make([]bool, n)
	for _, b := range fn.Blocks {
		// b is in a cycle if it can reach itself.
		seen := make([]bool, n)
		work := append([]*ssa.BasicBlock(nil), b.Succs...)
		for len(work) > 0 && !out[b.Index] {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			if x == b {
				out[b.Index] = true
				break
			}
			if seen[x.Index] {
				continue
			}
			seen[x.Index] = true
			work = append(work, x.Succs...)
		}
	}
	return out
}

// SameIteration reports whether def and use lie on a common cycle, so that a
// value defined in block def is made anew in each iteration that reaches
// use (a variable declared in the loop body that a go statement captures).
func SameIteration(def, use *ssa.BasicBlock) bool {
	return Reaches(def, use) && Reaches(use, def) && def != use || (def == use && InCycle(def))
}

// InCycle reports whether control can flow from b back to b.
func InCycle(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if Reaches(s, b) {
			return true
		}
	}
	return false
}

// Reaches reports whether control can flow from block from to block to
// (from == to counts).
func Reaches(from, to *ssa.BasicBlock) bool {
	return ReachesAvoiding(from, to, nil)
}

// ReachesAvoiding reports whether control can flow from block from to
// block to without leaving a block for which skip (when not nil) is true;
// to itself counts when reached, even if skip holds for it.
func ReachesAvoiding(from, to *ssa.BasicBlock, skip func(*ssa.BasicBlock) bool) bool {
	seen := make([]bool, len(from.Parent().Blocks))
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == to {
			return true
		}
		if seen[x.Index] || skip != nil && skip(x) {
			continue
		}
		seen[x.Index] = true
		work = append(work, x.Succs...)
	}
	return false
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
