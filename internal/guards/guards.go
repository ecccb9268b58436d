// Package guards is a helper analyzer: it computes, once per package, what
// the passes that reason about locks share — the locks held at every
// instruction (internal/lockset, with summaries of imported functions as
// facts), which functions run alone (init, tests) or alongside other code
// (exported API, goroutines, handlers), which objects are not yet shared,
// every map access with that context, the methods that hand a function to
// a serial executor (SerialFact: its tasks run one at a time, as if under
// one lock), and the lock that guards each shared map (internal/guard),
// inferred from the accesses that hold one or declared on the field:
//
//	type Cache struct {
//		mu    sync.Mutex
//		items map[string]int //maplint:guardedby mu
//	}
//
// It reports nothing. Its Result is read by concurrentwrite and escape,
// possibly at the same time: it is not modified after the run.
package guards

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/factsonly"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guard"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// Analyzer computes the Result of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "guards",
	Doc:        "guards: infer the locks held at each map access and the lock that guards each shared map (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/internal/guards",
	Requires:   []*analysis.Analyzer{Gate, buildssa.Analyzer, factsonly.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(SummaryFact), new(ServesFact), new(RunsFact), new(SerialFact)},
}

// An Access is one map access with its context.
type Access struct {
	mapid.Access
	Fn   *ssa.Function
	ID   mapid.ID
	Base mapid.Ref   // the object holding a field map
	Held lockset.Set // held on every path
	// Loaded is held where the map's reference was loaded from its field
	// or variable, when that is an instruction of its own (conns :=
	// c.conns under c.mu, then a range over conns after the unlock);
	// otherwise Held.
	Loaded lockset.Set
	May    lockset.Set // held on some path
	Fresh  bool        // the map's object is not yet shared, or the code runs alone (init)
}

// A Result is what the package's lock-related passes share. Its maps are
// complete when Run returns and only read after.
type Result struct {
	Locks *lockset.Package
	// Alone holds the functions that run before or apart from any
	// concurrency of the package: init, tests, and what only they call.
	Alone map[*ssa.Function]bool
	// FreshParams holds the parameters whose every caller passes an object
	// nobody else has yet.
	FreshParams map[*ssa.Parameter]bool
	// Exposed holds the functions that may run alongside other code of
	// the package; Multi those that may run in several goroutines at once.
	Exposed, Multi map[*ssa.Function]bool
	// API holds the functions that other packages can call directly, and
	// what they call statically.
	API map[*ssa.Function]bool
	// handedOut holds the unexported types that exported functions
	// return (see Callable).
	handedOut map[*types.TypeName]bool
	// Served holds the methods that a server registration (a gRPC
	// service) runs in a goroutine per call.
	Served map[*ssa.Function]bool
	// Accesses are the map accesses of the package, function by function.
	Accesses []*Access

	pass     *analysis.Pass
	spawns   map[*ssa.Function][]*goroutine.Spawn
	freshRet map[*ssa.Function]bool
	imported map[*ssa.Function]*lockset.Summary
	guards   map[mapid.ID]guard.Guard
	unnamed  map[mapid.ID][]guard.Obs // see Unnamed
	initOnly map[*ssa.Global]bool     // maps that exist only while the package initialises
	// setup holds the setup methods, each with the instructions that end
	// its setup phase (see setupMethods).
	setup map[*ssa.Function][]ssa.Instruction
	// serial holds the package's executor methods (see SerialFact).
	serial map[*ssa.Function]SerialFact
	// copies holds the functions that copies of a goroutine started once
	// per object reach, and sharedParam their parameters that may hold
	// an object shared among the copies (see SharedByCopies).
	copies      map[*ssa.Function]bool
	sharedParam map[*ssa.Parameter]bool
}

func run(pass *analysis.Pass) (any, error) {
	fns := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	r := &Result{
		pass:     pass,
		freshRet: make(map[*ssa.Function]bool),
		imported: make(map[*ssa.Function]*lockset.Summary),
		spawns:   make(map[*ssa.Function][]*goroutine.Spawn),
	}
	r.Locks = lockset.Prepare(fns, lockset.Options{
		Imported: r.importedSummary,
		// A closure passed to a call that does not start a goroutine is
		// taken to run during the call, under the caller's locks.
		Synchronous:    func(c *ssa.Call) bool { return !goroutine.IsSpawnCall(c) },
		Unconstraining: r.unconstraining,
		// A constructor's calls on the object it builds say nothing of
		// the locks its helpers need on it (contexts is computed first).
		Unshared: r.unsharedArg,
		// The tasks of a serial executor run one at a time, as if under
		// one lock of the executor's.
		Executor: r.executor,
	})
	r.serial = serialMethods(pass.Pkg, fns)
	for _, fn := range fns {
		if runs := r.storedRuns(fn); len(runs) > 0 {
			r.spawns[fn] = append(goroutine.Spawns(fn), runs...)
		}
	}
	r.contexts(fns)
	r.setup = r.setupMethods(fns)
	r.Locks.Solve()
	r.served(fns)
	r.exposure(fns)
	r.instanceCopies(fns)
	r.initOnly = initOnly(fns)
	var unnamed []*Access
	r.Accesses, unnamed = r.collect(fns)
	r.indexUnnamed(unnamed)
	// Memoised answers are computed now, in a fixed order, so that the
	// Result is deterministic and read-only from here on.
	for _, fn := range fns {
		r.returnsFresh(fn, 0)
	}
	if !factsonly.Of(pass) {
		// Only the passes' diagnostics read the inferred guards; their
		// facts (concurrentwrite's LockFact) do not.
		r.inferGuards(pass)
	}
	r.exportFacts(fns)
	r.exportRuns(fns)
	r.exportSerial(fns)
	r.pass = nil // the Result outlives the pass's run
	return r, nil
}

// Spawns returns the places where fn starts goroutines.
func (r *Result) Spawns(fn *ssa.Function) []*goroutine.Spawn {
	if s, ok := r.spawns[fn]; ok {
		return s
	}
	return goroutine.Spawns(fn)
}

// spawnsOf returns the spawn sites of fn, computed once during the run.
func (r *Result) spawnsOf(fn *ssa.Function) []*goroutine.Spawn {
	s, ok := r.spawns[fn]
	if !ok {
		s = goroutine.Spawns(fn)
		r.spawns[fn] = s
	}
	return s
}

// Evidence reports whether a counts towards the inference of its map's
// guard: an access to an object already shared, in code that can run
// alongside other code or that holds a lock. Accesses in code that runs
// where its caller decides are evidence only when they hold a lock.
func (r *Result) Evidence(a *Access) bool {
	return !a.Fresh && (r.Exposed[a.Fn] || a.Held.Len() > 0)
}

// Guard returns the lock that guards the map id (a field or a package
// variable): declared with //maplint:guardedby, or inferred.
func (r *Result) Guard(id mapid.ID) (guard.Guard, bool) {
	g, ok := r.guards[id]
	return g, ok
}

// unconstraining reports whether the calls of callee made by caller say
// nothing of the locks callee needs. Tests and init call *Locked helpers
// of the package without the lock, alone; and a test holding a lock must
// not silence a write of the package, which its users may make without
// it: calls from test files never constrain package code. A helper of the
// test files runs only where tests call it, so its callers' locks count,
// except those of the functions that run alone (the test functions
// themselves, and what only they call): jellydator/ttlcache's
// addCacheItems writes c.items.values unlocked, called by prepCache on
// the cache it builds, by tests on caches of their own, and by the
// goroutine that Test_Cache_Start's eviction callback starts, which holds
// cache.items.mu.
func (r *Result) unconstraining(caller, callee *ssa.Function) bool {
	if goroutine.InTestFile(callee) && r.Alone != nil {
		return r.Alone[caller]
	}
	caller = goroutine.Outermost(caller)
	return isAlone(caller) || goroutine.InTestFile(caller)
}

// isAlone reports whether fn runs before or apart from any concurrency of
// the package: init functions and the top-level test functions.
func isAlone(fn *ssa.Function) bool {
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
