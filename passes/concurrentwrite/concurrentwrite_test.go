package concurrentwrite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/passes/concurrentwrite"
)

func TestSilent(t *testing.T) {
	run(t, concurrentwrite.New(), "lockedsilent")
}

func TestFixes(t *testing.T) {
	runFixes(t, withReads(t), "guardedstruct", "readlock", "unguardedread", "localfix")
}

func TestGoroutines(t *testing.T) {
	run(t, concurrentwrite.New(), "goroutines", "goroutinesilent", "httphandler", "handlertest", "objectrace", "testgoroutines", "reach", "deepreach", "dynamiccalls", "grpcsvc/server", "manycalls", "installed", "fieldencode")
}

func TestCrossPackage(t *testing.T) {
	run(t, concurrentwrite.New(), "store", "crossuser")
}

func TestScenarios(t *testing.T) {
	run(t, withReads(t), "generics", "buildtagged", "knownmiss", "testvariant")
}

// TestGenerated checks that a finding in a generated file comes without a
// fix (the golden file is the input unchanged).
func TestGenerated(t *testing.T) {
	runFixes(t, concurrentwrite.New(), "generated")
}

func TestSkipTestsFlag(t *testing.T) {
	a := concurrentwrite.New()
	if err := a.Flags.Set("skiptests", "true"); err != nil {
		t.Fatal(err)
	}
	run(t, a, "skiptests")
}

func TestCallerLocks(t *testing.T) {
	run(t, withReads(t), "callerlocks", "userlocks", "lockwrappers")
}

// TestRealBugs runs the pass on map races that public projects fixed, and
// checks their fixes against the golden files.
func TestRealBugs(t *testing.T) {
	runFixes(t, withReads(t), "realbugs")
}

// TestUnseenRaces runs the pass on races it found in modules nobody tuned
// it on, in their original shape, each with a silent twin.
func TestUnseenRaces(t *testing.T) {
	run(t, withReads(t), "unseenraces")
}

// TestFastPath runs the default instance on reads that a function makes
// before taking the lock it writes the map under (pulsar-client-go#1536),
// in goroutines that may run it at once: the exported API, and copies of a
// goroutine started once per object sharing another object.
func TestFastPath(t *testing.T) {
	runFixes(t, concurrentwrite.New(), "fastpath")
}

// withReads returns an instance with the unguardedread check on
// (-concurrentwrite.reads), which the read cases of testdata expect.
func withReads(t *testing.T) *analysis.Analyzer {
	t.Helper()
	a := concurrentwrite.New()
	if err := a.Flags.Set("reads", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestReadsOffByDefault checks that the default instance reports no
// unguarded read of a guarded map (readsoff's Lookup has no want comment),
// and does report a read racing a goroutine's unlocked write.
func TestReadsOffByDefault(t *testing.T) {
	run(t, concurrentwrite.New(), "readsoff")
}

// TestReadsSilent runs the read check on the shapes of its false positives
// on the corpus, std and cmd, each with a reported twin.
func TestReadsSilent(t *testing.T) {
	run(t, withReads(t), "readsilent")
}

// TestSetupPhase runs the pass on objects completed by a setup method
// before their concurrent use, each with a reported twin.
func TestSetupPhase(t *testing.T) {
	run(t, withReads(t), "setupphase")
}

// TestTestHelpers runs the pass on helpers of the test files, whose test
// callers' locks count, and on package code that only tests call, whose
// do not.
func TestTestHelpers(t *testing.T) {
	run(t, withReads(t), "testhelpers")
}

// TestCapturedLock runs the pass on maps that closures capture with a
// mutex local to the function that makes them, and checks its fixes.
func TestCapturedLock(t *testing.T) {
	runFixes(t, withReads(t), "capturedlock")
}

// TestPhaseOrder checks that the pairing of a goroutine started by a
// method of an internal package with the type's other methods is decided
// at the callers, which the module holds (benthos' config.Reader), and
// stays reported where it is defined for a package anyone can import.
func TestPhaseOrder(t *testing.T) {
	run(t, concurrentwrite.New(), "phaseorder/internal/config", "phaseorder/cli", "phaseorder/public")
}

// TestPhaseJoined checks that the pairing of a goroutine that hands its
// result to the methods that start it (go-workflows' tester) is decided at
// the callers in a package anyone can import, and stays reported where it
// is defined when nothing waits for the result or the goroutine goes on
// after handing it over.
func TestPhaseJoined(t *testing.T) {
	run(t, concurrentwrite.New(), "phaseorder/joined", "phaseorder/joineduse")
}

// TestSetupOption checks -concurrentwrite.setup: declared setup methods
// are not paired with their object's goroutines, and a map only they
// write has no unguarded reads; their undeclared twins are reported.
func TestSetupOption(t *testing.T) {
	a := withReads(t)
	if err := a.Flags.Set("setup", "setupoption.MockServer.WithBundle, setupoption.TLS.RegisterServerNames"); err != nil {
		t.Fatal(err)
	}
	run(t, a, "setupoption")
}

// TestIterators runs the pass on iterator goroutines (gubernator's
// LRUCache.Each): decided at the callers, in the package and in an
// importer through the IterFact.
func TestIterators(t *testing.T) {
	run(t, concurrentwrite.New(), "iterator", "iterator/user")
}

// TestFunctionTables runs the pass on functions the package keeps in a
// table (an unexported variable holding a map of functions) and calls
// through it: they run under the locks the table's calls hold (pebble's
// format major version migrations, under d.mu), each with a reported twin.
func TestFunctionTables(t *testing.T) {
	run(t, concurrentwrite.New(), "pebblecompact")
}

// TestSerialExecutor runs the pass on closures handed to a serial executor
// (pion/ice's task loop): they run one at a time, as if under one lock.
func TestSerialExecutor(t *testing.T) {
	run(t, withReads(t), "serial/taskloop", "serial/agent")
}

// TestFlagUpgrade runs the pass on a read lock upgraded on one path, with
// a flag that says so guarding the writes (btcd).
func TestFlagUpgrade(t *testing.T) {
	run(t, concurrentwrite.New(), "flagupgrade")
}

// TestForeignAccesses runs the pass on a library whose methods write a map
// without a lock (their AccessFact) and on its importer, which calls them
// from two goroutines (mennanov/limiters#71), with silent twins.
func TestForeignAccesses(t *testing.T) {
	run(t, concurrentwrite.New(), "foreign/limiters", "foreign/lockedlib", "foreign/ratelimit")
}

// TestStartSpawn runs the pass on protoactor-go's cluster providers
// (unseen round 10): a start method's set-up before it calls the
// unexported spawner, and json.Marshal of a Node whose map is tagged
// json:"-", each with reported twins.
func TestStartSpawn(t *testing.T) {
	run(t, concurrentwrite.New(), "startspawn")
}

// TestRecall34 runs the default instance on fresh map races that public
// projects fixed (recall34's files name the issues), each with its fix as
// a silent twin, and the reads instance on those whose racing access is a
// read of a map whose writes are locked (recall34/reads).
func TestRecall34(t *testing.T) {
	runFixes(t, concurrentwrite.New(), "recall34")
	run(t, withReads(t), "recall34/reads")
}
