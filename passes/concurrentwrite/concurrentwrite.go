package concurrentwrite

import (
	_ "embed"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/analysisdoc"
	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/factsonly"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/report"
)

//go:embed doc.go
var doc string

// Categories of the diagnostics.
const (
	CategoryUnguarded = "unguarded"     // a write without the lock that guards the map
	CategoryReadLock  = "readlock"      // a write holding only a read lock
	CategoryGoroutine = "goroutine"     // a write racing with another goroutine, no lock at all
	CategoryRequired  = "lockedcall"    // a call to a function that requires a lock the caller lacks
	CategoryRead      = "unguardedread" // a read without the lock that guards the map's writes
)

// Config is the configuration of one instance of the pass. Its zero value is
// the default.
type Config struct {
	// SkipTests makes the pass ignore _test.go files.
	SkipTests bool
	// Reads reports reads made without the guard of the map's writes
	// (category unguardedread). Off by default: on the corpus and on
	// nats-server most such findings are false, reads ordered after the
	// writes by a phase that the package's callers enforce (caddy's
	// RegisterServerNames during provisioning, before Start's goroutine
	// reads; go-ethereum's Witness read once built), which the package's
	// code cannot show, and a pass that cries wolf is switched off. Reads
	// racing a goroutine's unlocked write, which is reported as well, are
	// reported whatever this says.
	Reads bool
	// Setup lists methods (path.Type.Method, comma-separated) that run
	// only while their object is set up, before any goroutine uses it:
	// an order the project's callers keep, which the package's code does
	// not show. Their accesses are not paired with the goroutines of
	// their object, and a map they alone write has no unguarded reads.
	Setup string
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
		Requires:  []*analysis.Analyzer{guards.LocksGate, buildssa.Analyzer, inspect.Analyzer, ctrlflow.Analyzer, directive.Analyzer, guards.Analyzer, factsonly.Analyzer},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(LockFact), new(PhaseFact), new(IterFact), new(AccessFact)},
	}
	a.Flags.BoolVar(&c.SkipTests, "skiptests", false, "do not report in _test.go files")
	a.Flags.StringVar(&c.Setup, "setup", "", "comma-separated methods (path.Type.Method) that run only while their object is set up, before goroutines use it")
	a.Flags.BoolVar(&c.Reads, "reads", false, "also report reads made without the lock that guards the map's writes (experimental: known false positives)")
	return a
}

// An access is one map access with its context.
type access struct {
	mapid.Access
	fn    *ssa.Function
	id    mapid.ID
	base  mapid.Ref // the object holding a field map
	held  lockset.Set
	may   lockset.Set // held on some path
	fresh bool        // the map's object is not yet shared, or the code runs alone (init)
	g     *guards.Access
}

// checker holds the state of one run.
type checker struct {
	*Config
	pass     *analysis.Pass
	fns      []*ssa.Function
	r        *report.Reporter
	src      *edits.Source
	syn      *syntax
	gr       *guards.Result
	lp       *lockset.Package
	exposed  map[*ssa.Function]bool // may run concurrently with other code of the package
	multi    map[*ssa.Function]bool // may run in several goroutines at once
	diags    []analysis.Diagnostic
	reported map[token.Pos]bool
	// localFixed holds the local maps already given a mutex by a fix.
	localFixed map[mapid.ID]bool
	byFn       map[*ssa.Function][]*access // the accesses of collect, by function
	back       map[backPair]bool           // computed on first use, see backPointers
	sums       *summaries                  // computed on first use, see reach
	disp       *dispatch                   // computed on first use, see pinsOf
	// hold, when set, collects diagnostics instead of reporting them.
	hold *[]analysis.Diagnostic
	// phase holds the pairings left to the callers of an internal
	// package's methods, see deferPhase.
	phase map[*types.Func]*PhaseFact
	iters iterState                 // the iterator spawners, see deferIter
	joins map[[2]*ssa.Function]bool // spawner and goroutine, see joinedGo
	setup map[string]bool           // Config.Setup
}

func (c *Config) run(pass *analysis.Pass) (any, error) {
	gr := pass.ResultOf[guards.Analyzer].(*guards.Result)
	ck := &checker{
		Config:     c,
		pass:       pass,
		r:          report.New(pass),
		src:        edits.NewSource(pass),
		syn:        newSyntax(pass),
		reported:   make(map[token.Pos]bool),
		localFixed: make(map[mapid.ID]bool),
		gr:         gr,
		lp:         gr.Locks,
		exposed:    gr.Exposed,
		multi:      gr.Multi,
		setup:      apis.ParseNames(c.Setup),
	}
	fns := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	ck.fns = fns
	accs := ck.collect()
	ck.byFn = make(map[*ssa.Function][]*access)
	for _, a := range accs {
		ck.byFn[a.fn] = append(ck.byFn[a.fn], a)
	}
	ck.exportFacts(fns, accs)
	ck.exportAccessFacts(fns, accs)
	if factsonly.Of(pass) {
		ck.goroutineFactsOnly()
		return nil, nil // the facts are all a dependent reads
	}
	ck.checkGuarded(accs)
	ck.checkCaptured(accs)
	ck.checkReads(accs)
	ck.checkReadLocked(accs)
	ck.checkGoroutines(fns)
	ck.exportPhase()
	ck.checkPhaseCalls(fns)
	ck.exportIter()
	ck.checkIterCalls(fns)
	ck.checkRequired(fns)

	ck.r.ReportAll(ck.diags, c.SkipTests)
	return nil, nil
}

func (ck *checker) add(d analysis.Diagnostic) {
	if ck.hold != nil {
		*ck.hold = append(*ck.hold, d) // a dry run, see deferPhase
		return
	}
	if ck.reported[d.Pos] {
		return // one diagnostic per write
	}
	ck.reported[d.Pos] = true
	ck.diags = append(ck.diags, d)
}

// addFix adds d with the fixes fix or, when there are none, with the
// reason why none is safe at the end of its message (report.NoFix): every
// finding offers a fix or says why it does not. A fix in a generated file
// is dropped by the reporter, and the finding says so. A dry run (hold)
// keeps the message as it is: it is the race a PhaseFact or an IterFact
// carries into the finding at a call, which has its own reason.
func (ck *checker) addFix(d analysis.Diagnostic, fix []analysis.SuggestedFix, why string) {
	switch {
	case ck.hold != nil:
	case fix != nil:
		d.SuggestedFixes = fix
	default:
		report.NoFix(&d, why)
	}
	ck.add(d)
}

// spawnsOf returns the spawn sites of fn.
func (ck *checker) spawnsOf(fn *ssa.Function) []*goroutine.Spawn { return ck.gr.Spawns(fn) }

// isFresh reports whether the object ref, seen in fn, is not yet shared.
func (ck *checker) isFresh(fn *ssa.Function, ref mapid.Ref) bool { return ck.gr.IsFresh(fn, ref) }

// collect returns the map accesses of the package with their context.
func (ck *checker) collect() []*access {
	out := make([]*access, 0, len(ck.gr.Accesses))
	for _, a := range ck.gr.Accesses {
		out = append(out, &access{Access: a.Access, fn: a.Fn, id: a.ID, base: a.Base, held: a.Held, may: a.May, fresh: a.Fresh, g: a})
	}
	for _, fn := range ck.fns {
		if res := ck.lp.Result(fn); res != nil && !res.Opaque {
			out = append(out, ck.foreignAccesses(fn, res)...)
		}
	}
	return out
}

// funcName names fn for messages: its outermost enclosing named function,
// e.g. (*Session).Add.
func (ck *checker) funcName(fn *ssa.Function) string {
	return goroutine.Outermost(fn).RelString(ck.pass.Pkg)
}

// inFile reports whether pos is in one of the pass's files (and not in a
// file only seen through a //line directive or cgo).
func (ck *checker) inFile(pos token.Pos) bool {
	return pos.IsValid() && ck.syn.file(pos) != nil
}
