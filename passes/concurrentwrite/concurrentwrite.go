package concurrentwrite

import (
	_ "embed"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/analysisdoc"
	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/report"
)

//go:embed doc.go
var doc string

// Categories of the diagnostics.
const (
	CategoryUnguarded = "unguarded"  // a write without the lock that guards the map
	CategoryReadLock  = "readlock"   // a write holding only a read lock
	CategoryGoroutine = "goroutine"  // a write racing with another goroutine, no lock at all
	CategoryRequired  = "lockedcall" // a call to a function that requires a lock the caller lacks
)

// Config is the configuration of one instance of the pass. Its zero value is
// the default.
type Config struct {
	// SkipTests makes the pass ignore _test.go files.
	SkipTests bool
}

// Analyzer is the pass with its default configuration.
var Analyzer = New()

// New returns a new instance with its own configuration, set through its Flags.
func New() *analysis.Analyzer {
	c := new(Config)
	a := &analysis.Analyzer{
		Name:      "concurrentwrite",
		Doc:       analysisdoc.MustExtract(doc, "concurrentwrite"),
		URL:       "https://pkg.go.dev/github.com/maplint/maplint/passes/concurrentwrite",
		Requires:  []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, directive.Analyzer},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(LockFact)},
	}
	a.Flags.BoolVar(&c.SkipTests, "skiptests", false, "do not report in _test.go files")
	return a
}

// An access is one map access with its context.
type access struct {
	mapid.Access
	fn    *ssa.Function
	id    mapid.ID
	base  mapid.Ref // the object holding a field map
	held  lockset.Set
	may   lockset.Set // held on some path (writes only)
	fresh bool        // the map's object is not yet shared, or the code runs alone (init)
}

// checker holds the state of one run.
type checker struct {
	*Config
	pass     *analysis.Pass
	r        *report.Reporter
	src      *edits.Source
	syn      *syntax
	lp       *lockset.Package
	seq      map[*ssa.Function]bool  // runs alone: init, tests, and what only they call
	freshP   map[*ssa.Parameter]bool // every caller passes an object not yet shared
	freshRet map[*ssa.Function]bool  // memo of returnsFresh
	spawns   map[*ssa.Function][]*goroutine.Spawn
	exposed  map[*ssa.Function]bool
	multi    map[*ssa.Function]bool // may run in several goroutines at once // may run concurrently with other code of the package
	diags    []analysis.Diagnostic
	reported map[token.Pos]bool
}

func (c *Config) run(pass *analysis.Pass) (any, error) {
	ck := &checker{
		Config:   c,
		pass:     pass,
		r:        report.New(pass),
		src:      edits.NewSource(pass),
		syn:      newSyntax(pass),
		reported: make(map[token.Pos]bool),
		freshRet: make(map[*ssa.Function]bool),
		spawns:   make(map[*ssa.Function][]*goroutine.Spawn),
	}
	fns := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	ck.lp = lockset.AnalyzePackageWith(fns, lockset.Options{
		Imported: ck.importedSummary,
		// A closure passed to a call that does not start a goroutine is
		// taken to run during the call, under the caller's locks.
		Synchronous: func(c *ssa.Call) bool { return !goroutine.IsSpawnCall(c) },
		// Tests and init call *Locked helpers without the lock, alone.
		Unconstraining: func(fn *ssa.Function) bool {
			for fn.Parent() != nil {
				fn = fn.Parent()
			}
			return isAlone(pass, fn) || goroutine.InTestFile(fn)
		},
	})
	ck.contexts(fns)
	ck.exposure(fns)
	accs := ck.collect(fns)
	ck.exportFacts(fns, accs)
	ck.checkGuarded(accs)
	ck.checkReadLocked(accs)
	ck.checkGoroutines(fns, accs)
	ck.checkRequired(fns)

	slices.SortStableFunc(ck.diags, func(a, b analysis.Diagnostic) int { return int(a.Pos) - int(b.Pos) })
	for _, d := range ck.diags {
		if f := pass.Fset.File(d.Pos); c.SkipTests && f != nil && strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		ck.r.Report(d)
	}
	return nil, nil
}

func (ck *checker) add(d analysis.Diagnostic) {
	if ck.reported[d.Pos] {
		return // one diagnostic per write
	}
	ck.reported[d.Pos] = true
	ck.diags = append(ck.diags, d)
}

// contexts finds the functions that run alone and the parameters that always
// receive an object nobody else has yet, top-down over static calls.
func (ck *checker) contexts(fns []*ssa.Function) {
	ck.seq = make(map[*ssa.Function]bool)
	ck.freshP = make(map[*ssa.Parameter]bool)
	type paramState struct {
		calls int
		fresh []bool
	}
	states := make(map[*ssa.Function]*paramState)
	for _, fn := range ck.lp.TopDown() {
		if isAlone(ck.pass, fn) {
			ck.seq[fn] = true
		}
		if ck.lp.OnlyCalled(fn) {
			all := true
			for _, c := range ck.lp.Callers(fn) {
				if !ck.seq[c] {
					all = false
				}
			}
			if all {
				ck.seq[fn] = true
			}
			if st := states[fn]; st != nil && st.calls == len(ck.lp.Callers(fn)) {
				for i, f := range st.fresh {
					if f {
						ck.freshP[fn.Params[i]] = true
					}
				}
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := call.Call.StaticCallee()
				if callee == nil || len(call.Call.Args) != len(callee.Params) {
					continue
				}
				st := states[callee]
				if st == nil {
					st = &paramState{fresh: make([]bool, len(callee.Params))}
					for i := range st.fresh {
						st.fresh[i] = true
					}
					states[callee] = st
				}
				st.calls++
				for i, a := range call.Call.Args {
					if !ck.isFresh(fn, mapid.RefOf(a)) {
						st.fresh[i] = false
					}
				}
			}
		}
	}
}

// exposure finds the functions that can run concurrently with other code
// of the package, as far as is known: exported functions and methods (a
// type whose methods lock is meant to be called from many goroutines),
// functions started as goroutines or HTTP handlers, and what they call
// statically. A function only used as a value (a callback, an unexported
// method called through an interface) runs where its caller decides, often
// under the caller's lock: its accesses are neither findings nor evidence
// against a guard.
func (ck *checker) exposure(fns []*ssa.Function) {
	var exported, many, once []*ssa.Function
	for _, fn := range fns {
		if isAPI(fn) {
			exported = append(exported, fn)
		}
		if goroutine.IsHandler(fn) && !goroutine.InTestFile(fn) {
			many = append(many, fn)
		}
		for _, s := range ck.spawnsOf(fn) {
			if s.Many {
				many = append(many, s.Fn)
			} else {
				once = append(once, s.Fn) // runs alongside other code, once
			}
		}
	}
	// multi: may run in several goroutines at once (exported API, a
	// goroutine started many times); exposed: may run alongside other code.
	ck.multi = ck.closure(append(slices.Clip(many), exported...))
	ck.exposed = ck.closure(append(append(slices.Clip(exported), many...), once...))
}

// isAPI reports whether fn can be called from other packages directly: an
// exported function, or an exported method of an exported type. An exported
// method of an unexported type is reached only through an interface (the
// package hands out the value, often inside its own critical section, as
// go-ethereum's hashdb passes its cleaner to batch.Replay under db.lock) or
// through the package's own calls, which are followed.
func isAPI(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return false
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return true
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Exported()
}

// closure returns roots and the functions of the package they call
// statically, transitively.
func (ck *checker) closure(roots []*ssa.Function) map[*ssa.Function]bool {
	set := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	mark := func(fn *ssa.Function) {
		if fn != nil && !set[fn] && !ck.seq[fn] && ck.lp.Result(fn) != nil {
			set[fn] = true
			work = append(work, fn)
		}
	}
	for _, fn := range roots {
		mark(fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					mark(c.Call.StaticCallee())
				}
			}
		}
	}
	return set
}

// spawnsOf returns the spawn sites of fn, computed once.
func (ck *checker) spawnsOf(fn *ssa.Function) []*goroutine.Spawn {
	s, ok := ck.spawns[fn]
	if !ok {
		s = goroutine.Spawns(fn)
		ck.spawns[fn] = s
	}
	return s
}

// isAlone reports whether fn runs before or apart from any concurrency of
// the package: init functions and the top-level test functions.
func isAlone(pass *analysis.Pass, fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || fn.Signature.Recv() != nil {
		return false
	}
	name := obj.Name()
	if name == "init" {
		return true
	}
	if !goroutine.InTestFile(fn) {
		return false
	}
	for _, p := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// isFresh reports whether the object ref, seen in fn, is not yet shared:
// allocated by fn, or received from callers that all allocated it, and
// reached without following a pointer stored in it.
func (ck *checker) isFresh(fn *ssa.Function, ref mapid.Ref) bool {
	if ck.seq[fn] {
		return true
	}
	if ref.Root == nil || strings.Contains(ref.Path, "*") {
		return false
	}
	switch root := ref.Root.(type) {
	case *ssa.Alloc:
		return root.Parent() == fn
	case *ssa.Parameter:
		return ck.freshP[root]
	case *ssa.Call:
		return ck.returnsFresh(root.Call.StaticCallee(), 0)
	}
	return false
}

// returnsFresh reports whether fn, a function of the package, returns an
// object it allocates (nt := t.copy() in a Clone method), so that the
// caller is the only one to have it.
func (ck *checker) returnsFresh(fn *ssa.Function, depth int) bool {
	if fn == nil || ck.lp.Result(fn) == nil || depth > 3 || fn.Signature.Results().Len() == 0 {
		return false
	}
	if v, ok := ck.freshRet[fn]; ok {
		return v
	}
	ck.freshRet[fn] = false // recursion
	fresh, returns := true, false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			returns = true
			ref := mapid.RefOf(ret.Results[0])
			switch root := ref.Root.(type) {
			case *ssa.Alloc:
				fresh = fresh && root.Parent() == fn && !strings.Contains(ref.Path, "*")
			case *ssa.Call:
				fresh = fresh && ref.Path == "" && ck.returnsFresh(root.Call.StaticCallee(), depth+1)
			default:
				fresh = false
			}
		}
	}
	ck.freshRet[fn] = fresh && returns
	return fresh && returns
}

// collect returns the map accesses of the package with their context.
func (ck *checker) collect(fns []*ssa.Function) []*access {
	var out []*access
	for _, fn := range fns {
		r := ck.lp.Result(fn)
		if r == nil || r.TryLocks || r.Opaque {
			// Held locks depend on TryLock's result, or the callers hold
			// locks this analysis cannot name: not modelled.
			continue
		}
		r.Each(func(instr ssa.Instruction, held lockset.Set) {
			for _, a := range mapid.Accesses(instr) {
				id, base := mapid.Of(a.Map)
				if id.Kind == mapid.Unknown {
					continue
				}
				acc := &access{Access: a, fn: fn, id: id, held: held}
				if a.Write {
					acc.may = r.MayHold(instr)
				}
				if base != nil {
					acc.base = mapid.RefOf(base)
					acc.fresh = ck.isFresh(fn, acc.base)
				} else {
					acc.fresh = ck.seq[fn]
				}
				out = append(out, acc)
			}
		})
	}
	return out
}

// funcName names fn for messages: its outermost enclosing named function,
// e.g. (*Session).Add.
func (ck *checker) funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.RelString(ck.pass.Pkg)
}

// inFile reports whether pos is in one of the pass's files (and not in a
// file only seen through a //line directive or cgo).
func (ck *checker) inFile(pos token.Pos) bool {
	return pos.IsValid() && ck.syn.file(pos) != nil
}
