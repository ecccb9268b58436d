package concurrentwrite

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/mapid"
)

// A PhaseFact is on an exported method of a type of an internal package
// (a path with an internal element: only its own module can import it) that
// the object pairing of checkObjects would report against the goroutine a
// spawner method or constructor of the same type starts. The race happens
// only if a caller calls the method on an object after the spawner started
// the goroutine on it, and all the callers are in the module, in packages
// analysed after this one: the pairing is decided there (checkPhaseCalls).
// benthos' internal/config.Reader is the model: cli/common calls Read and
// ReadStreams before BeginFileWatching starts the watcher that rereads the
// files into the same maps.
type PhaseFact struct {
	Pairs []PhasePair
}

// A PhasePair is one spawner whose goroutine races the method.
type PhasePair struct {
	Spawner string // the spawner's full name (types.Func.FullName)
	Name    string // the spawner's name for messages
	Race    string // the race the pairing found, for messages
	At      string // where its first access is, file:line
}

func (*PhaseFact) AFact() {}

func (f *PhaseFact) String() string {
	var s []string
	for _, p := range f.Pairs {
		s = append(s, "after("+p.Name+")")
	}
	return strings.Join(s, ",")
}

// deferPhase leaves the pairing of the goroutine of sp with the method m to
// the callers of m, and reports whether it did: when the package is
// internal and the spawner is a method (its object exists before the
// spawn, so a caller can set it up first; a constructor's goroutine runs
// from the object's birth, and every call of m follows it). The race the
// pairing would report is kept in a PhaseFact on m, naming the spawner and
// the package's exported methods that call it on their receiver.
func (ck *checker) deferPhase(mine, theirs []*gaccess, sp, m *spawn) bool {
	if sp.parent.Parent() != nil || guards.RecvNamed(sp.parent) == nil {
		return false
	}
	if !guards.InternalPackage(ck.pass.Pkg.Path()) && !ck.joined(sp) {
		return false
	}
	mobj, ok := m.Fn.Object().(*types.Func)
	if !ok {
		return false
	}
	var held []analysis.Diagnostic
	outer := ck.hold
	ck.hold = &held
	ck.pairObject(mine, theirs, sp, m)
	ck.hold = outer
	if len(held) == 0 {
		return true
	}
	if ck.phase == nil {
		ck.phase = make(map[*types.Func]*PhaseFact)
	}
	f := ck.phase[mobj]
	if f == nil {
		f = new(PhaseFact)
		ck.phase[mobj] = f
	}
	pos := ck.pass.Fset.Position(held[0].Pos)
	for _, s := range ck.startersOf(sp.parent) {
		obj := s.Object().(*types.Func)
		if slices.ContainsFunc(f.Pairs, func(p PhasePair) bool { return p.Spawner == obj.FullName() }) {
			continue
		}
		f.Pairs = append(f.Pairs, PhasePair{
			Spawner: obj.FullName(),
			Name:    ck.funcName(s),
			Race:    held[0].Message,
			At:      fmt.Sprintf("%s:%d", shortFile(pos.Filename), pos.Line),
		})
	}
	return true
}

// startersOf returns the spawner method fn and the methods of the package
// that call it on their own receiver (an unexported spawner runs when an
// exported method does: rocketmq's connect, called by InvokeSync).
func (ck *checker) startersOf(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for _, g := range ck.fns {
		if g == fn || g.Parent() != nil || guards.RecvNamed(g) == nil || len(g.Params) == 0 {
			continue
		}
		if _, ok := g.Object().(*types.Func); !ok || !callsOn(g, fn, g.Params[0]) {
			continue
		}
		out = append(out, g)
	}
	return out
}

// callsOn reports whether g calls fn with recv as its receiver.
func callsOn(g, fn *ssa.Function, recv ssa.Value) bool {
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(*ssa.Call)
			if ok && apis.StaticCallee(&c.Call) == fn && len(c.Call.Args) > 0 && mapid.RefOf(c.Call.Args[0]).Equal(mapid.RefOf(recv)) {
				return true
			}
		}
	}
	return false
}

func shortFile(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

// goroutineFactsOnly computes the PhaseFacts and IterFacts of a package
// analysed for its facts only: they come out of the goroutine checks,
// whose diagnostics are dropped, run once when the package is internal,
// has a worker goroutine (mayJoin) or may have an iterator goroutine
// (hasIterators).
func (ck *checker) goroutineFactsOnly() {
	if guards.InternalPackage(ck.pass.Pkg.Path()) || ck.mayJoin() || ck.hasIterators() {
		var dropped []analysis.Diagnostic
		ck.hold = &dropped
		ck.checkGoroutines(ck.fns)
		ck.hold = nil
	}
	ck.exportPhase()
	ck.exportIter()
}

// exportPhase exports the PhaseFacts of the package's methods.
func (ck *checker) exportPhase() {
	for obj, f := range ck.phase {
		ck.pass.ExportObjectFact(obj, f)
	}
}

// phaseFact returns the PhaseFact of fn, of this package or imported.
func (ck *checker) phaseFact(obj *types.Func) *PhaseFact {
	if f := ck.phase[obj]; f != nil {
		return f
	}
	var f PhaseFact
	if obj.Pkg() != ck.pass.Pkg && ck.pass.ImportObjectFact(obj, &f) {
		return &f
	}
	return nil
}

// checkPhaseCalls reports the calls of a method with a PhaseFact that run,
// in their function, after a call of the spawner on the same object, with
// no wait between:
//
//	r.BeginFileWatching() // starts the watcher goroutine
//	r.Read()              // reported: the watcher writes the maps Read fills
//
// A call before the spawner's, or in a function that never calls the
// spawner, is setup the module orders: silent.
func (ck *checker) checkPhaseCalls(fns []*ssa.Function) {
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(*ssa.Call)
				if !ok || len(c.Call.Args) == 0 || !ck.inFile(c.Pos()) {
					continue
				}
				callee := apis.StaticCallee(&c.Call)
				if callee == nil {
					continue
				}
				obj, ok := callee.Object().(*types.Func)
				if !ok {
					continue
				}
				f := ck.phaseFact(obj)
				if f == nil {
					continue
				}
				for _, p := range f.Pairs {
					if s := spawnerCallBefore(fn, c, p); s != nil {
						ck.reportPhase(c, s, obj, p)
						break
					}
				}
			}
		}
	}
}

// spawnerCallBefore returns a call of p's spawner in fn on the object that
// c's receiver is, after which c may run with no wait between, or nil.
func spawnerCallBefore(fn *ssa.Function, c *ssa.Call, p PhasePair) *ssa.Call {
	recv := mapid.RefOf(c.Call.Args[0])
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			s, ok := instr.(*ssa.Call)
			if !ok || s == c {
				continue
			}
			callee := apis.StaticCallee(&s.Call)
			if callee == nil {
				continue
			}
			obj, ok := callee.Object().(*types.Func)
			if !ok || obj.FullName() != p.Spawner || len(s.Call.Args) == 0 || !mapid.RefOf(s.Call.Args[0]).Equal(recv) {
				continue
			}
			// A path that makes the object anew (r := NewReader() in a
			// loop) reaches another object.
			def, _ := recv.Root.(ssa.Instruction)
			if goroutine.AfterBy(s, c, func(i ssa.Instruction) bool { return i == def || goroutine.Orders(i) }) {
				return s
			}
		}
	}
	return nil
}

// reportPhase reports the call c of obj, which follows the call s of the
// spawner of p on the same object. It offers no fix: the call could only
// move before the spawner's, which changes what the program does (a Read
// after the watcher started means to read again), and the accesses race in
// obj's package, where the lock that would order them belongs (which lock
// should guard a map is a design decision, as for a field with no guard).
func (ck *checker) reportPhase(c, s *ssa.Call, obj *types.Func, p PhasePair) {
	name := obj.Name()
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := guards.NamedOf(sig.Recv().Type()); n != nil {
			name = n.Obj().Name() + "." + name
		}
	}
	ck.add(analysis.Diagnostic{
		Pos:      c.Pos(),
		Category: CategoryGoroutine,
		Message: fmt.Sprintf("%s called after %s started its goroutine on the same object: %s (%s); no fix: calling it before %s changes the program, and a lock belongs in package %s",
			name, p.Name, p.Race, p.At, p.Name, obj.Pkg().Name()),
		Related: []analysis.RelatedInformation{{Pos: s.Pos(), Message: p.Name + " called here"}},
	})
}
