// Package concurrentwrite defines an Analyzer that reports map accesses that
// race with another goroutine.
//
// # Analyzer concurrentwrite
//
// concurrentwrite: report map writes, and reads of locked maps, that may run concurrently with another access to the same map
//
// A Go map is not safe for concurrent use: a write racing with any other
// access kills the process with "fatal error: concurrent map writes" (or
// "concurrent map read and map write"), and the race detector only sees the
// interleavings a test happens to run. The pass reports a map write
// (m[k] = v, op-assignment, ++, delete, clear, maps.Copy, maps.Insert,
// maps.DeleteFunc into the map) when:
//
//   - the map is guarded by a lock (a type whose accesses to the map mostly
//     hold the same mutex is meant for concurrent use) and the write does
//     not hold it;
//   - the write holds only a read lock (RWMutex.RLock), which lets other
//     readers, and so other such writers, run at the same time;
//   - the write runs in a goroutine (go statement, sync.WaitGroup.Go,
//     errgroup.Group.Go/TryGo, time.AfterFunc, context.AfterFunc, an HTTP
//     handler, a parallel subtest) that can run alongside another access to
//     the same map — in the code that starts it, in the functions that code
//     calls afterwards, in another goroutine, or, for a goroutine that a
//     method or a constructor starts and that outlives it, in the exported
//     methods of the same object (but for what a method reaches through, or on
//     every successful path before, its call of the spawner, which precedes
//     the spawn: asynq's Run, protoactor-go's StartMember; nor for a
//     handler the method only returns, which its caller serves after
//     configuring the object: go-chi/chi's Compressor.Handler and SetEncoder)
//     — and no lock is held by both.
//
// A map that closures capture together with a mutex local to the
// function that makes them, and access under it at no fewer than half of
// their places, is guarded by it: only those closures can reach the mutex,
// so locking it says they run at the same time as one another, wherever
// their callers run them. An access without it in a closure that captures
// the mutex is reported (filecoin-project/lassie#339: the Server-Timing
// subscriber locked mapLock around its maps' reads, not their writes).
//
// It also reports a read (index, comma-ok, range, len, the maps functions,
// and the hidden reads of fmt's %v, encoding/json and reflect.DeepEqual of a
// value holding the map, unless the value describes itself through
// fmt.Stringer, fmt.Formatter or json.Marshaler) made without the lock that
// the map's writes hold (category unguardedread), when the
// -concurrentwrite.reads flag is set; by default, when the read's own
// function takes that lock to write the map (a fast path before the locked
// check, pulsar-client-go#1536) and may run in several goroutines at once:
// exported, or in copies of a goroutine started once per object (go
// pc.loop() in a constructor) reaching an object they do not own (a package
// variable, one received from a channel). A read holding no lock that races
// an unlocked write of the same map from a goroutine (the copies of a
// goroutine started in a loop, the code after the spawn, two goroutines one
// function starts, a goroutine a method or constructor starts and the
// object's exported methods) is reported by default, next to the write,
// which is reported too: the read is where "concurrent map read and map
// write" crashes. A read holding any lock that every write holds is guarded.
// Reads that are not races are left alone: a map whose reference was taken
// under the lock (a snapshot swapped out in the critical section is the
// function's own; one left in place is the escape pass's finding), operands
// that fmt prints with %p or %T, maps that exist only while the package
// initialises (set to nil at the end of init), maps written only while a
// "started" flag is false when the reader runs only in goroutines the
// package starts after setting it (grpc's RegisterService before Serve),
// code under a constant false condition (if debugX), and a len in a function
// marked //go:norace, whose author declared its races intended: len cannot
// throw, an index or range there is reported.
//
// Bad:
//
//	func (s *Session) Add(id string) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.seen[id] = true
//	}
//
//	func (s *Session) Forget(id string) {
//		delete(s.seen, id) // concurrent write to map s.seen without s.mu (held: none)
//	}
//
//	func (s *Session) Seen(id string) bool {
//		return s.seen[id] // concurrent read of map s.seen without s.mu (held: none)
//	}
//
// Good:
//
//	func (s *Session) Forget(id string) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		delete(s.seen, id)
//	}
//
// Locks are sync.Mutex, sync.RWMutex (embedded or not, also in a parent
// struct reached through a pointer when every access holds it), sync.Locker
// fields and parameters, interfaces that stand for sync's types (at least
// two methods, all of them sync.Mutex's, RWMutex's or WaitGroup's, as in
// syncthing's lib/sync: their Lock, RLock and Wait are sync's), and
// TryLock on the branch where it succeeded. Deferred unlocks, helpers that
// lock or unlock for their caller (a method of a generic type too, such as
// sipgo's transactionStore[T].lock, whose instantiation the call names and
// whose summary is the generic method's), and closures that lock
// (lock := func() { if needLock { mu.Lock() } }) are followed. A deferred
// call of a helper or a closure runs when the function returns, last
// deferred first, with the locks held then: one deferred after
// `defer mu.Unlock()` runs under the lock, one deferred before it runs
// after the unlock. A function whose every call holds a lock runs under it
// — through any alias of the owner, chains of helpers, helpers that unlock
// and re-lock around a callback, a table of functions in an unexported
// variable that the package only calls through (pebble's migrations[v](d),
// under d.mu) — and a function whose calls all pass constants for the
// boolean parameters its branches test is checked call by call, so that
// locking decided by one parameter and a write decided by another, bound
// together at every call, is understood; the helpers such a function calls
// run under the locks it holds in every one of its calls (fsLock := func()
// { if needFSLock { fs.mu.Lock() } }, with every call passing false holding
// fs.mu). A lock taken under a condition counts where the same condition
// holds again, when the condition keeps one value per call (a parameter, or
// a value computed outside any loop: if cacheEnabled { s.Lock() } … if
// cacheEnabled { s.cache[k] = r }). A call on an object nobody else has yet
// (a constructor's new value, before it starts a goroutine) says nothing of
// the locks the callee needs on it: a helper that Activate calls under the
// lock and the constructor calls on the store it builds runs under the lock.
// A setup method counts as a constructor up to its first spawn, or its first
// call that passes the receiver to a function of the package that may start
// goroutines: an exported method that alone sets a field of its receiver
// whose zero value does not work (a pointer, interface, map, channel or
// func) and that other functions read, which the package never calls on a
// shared object nor uses as a value (go-ethereum's BlobPool.Init opens
// p.store, then fills p.index through recheck and drop, which Reset and Add
// call under p.lock: the pool cannot be used before Init, and txpool calls
// it before starting the loop that calls Reset). A setup method that starts
// its loop before the fill, or whose field another method also replaces,
// runs at any time. A closure called under RLock and again under Lock runs
// under the read lock. The tasks of a serial executor run as if under one
// lock of the executor's (pion/ice's a.loop.Run(ctx, func(ctx) {…}): a
// method sends its function parameter on a channel field that one goroutine
// per object, started once by the constructor, receives and calls in turn;
// internal/guards' SerialFact); an access outside them is reported "without
// a.loop's executor", with no fix.
//
// The guard of a map is the lock held at the most accesses, if at least
// half of them hold it; accesses in functions whose callers hold locks the
// pass cannot name count as holding only the locks they take themselves,
// so that a lock taken at a minority of the accesses (go-ethereum's
// SortedMap.cacheMu, taken by the two methods that also reset the cache,
// while the pool's lock guards the items) is not the guard. Between locks
// held by as many accesses, the one held by more writes is the guard; when
// the writes do not choose either (every write holds both), an access
// holding any of them is guarded, and one holding none is reported naming
// them all, without a fix.
//
// The pass is silent when the accesses hold a common lock, when the object
// is not shared yet (a constructor, and the helpers it calls, filling a map
// before returning it, also through a named result that closures the
// constructor only calls or defers capture, as pebble's open does; a
// closure started, stored or passed on shares it), in init functions, in
// sync.Once, OnceFunc and OnceValue bodies, in tests that start no
// goroutine, when the accesses are ordered (before the go statement, after
// WaitGroup.Wait or errgroup's Wait, after a channel receive; after a
// goroutine's Wait on W, for what another goroutine or the spawner does
// before W.Done: waitdone.go; after a goroutine's receive from a channel
// the spawner makes, never sends on and closes after its access: gate.go;
// under opposite outcomes of tests of one parameter, if parallel { go … }
// else { … }), for maps made inside the goroutine, for the
// spawner's accesses in a later iteration of a loop that makes the map's
// root anew each time round (a make, an allocation, a map range's value:
// m := make(…); m[k] = 1; go work(m)), for the reads of the one function
// that makes every write (the owner goroutine), and for sync.Map. Test
// files are analysed: a test writing a map its goroutine reads is reported.
//
// Fixes: wrap the access in the inferred guard (Lock and a deferred Unlock
// when the statement ends the function or returns, Lock and Unlock around
// it otherwise; RLock and RUnlock for a read when the guard is an
// RWMutex), or turn the RLock/RUnlock pair that protects a write into
// Lock/Unlock. An access to a map that closures capture with a local
// mutex gets the same fix, naming the mutex as the closures do. No fix is
// offered when the statement calls a function that might take the same
// lock (one of the package, or one of another package given a value
// through which it could reach the lock: fmt.Sprint(s) may call s.String,
// s.t.Len() may lock the mutex that s.t embeds, time.Now() cannot), when
// the function is called in the package (a caller may hold the lock, even
// if the function also runs where nothing does, as a goroutine or a stored
// value), when the function defers an unlock of it (a Lock on a path after
// that defer would deadlock, and the fix does not tell the paths apart),
// when the statement receives from a channel (the lock would be held while
// it waits, and the sender may need it), when the access is a select case's
// communication, or when a declaration in between shadows the mutex's name.
//
// The pass prefers silence where it would have to guess. It does not
// report an access that holds some other lock (a different locking
// discipline; a mutex in an entry of a map orders only the goroutines
// working on one key), an access in a closure passed as a callback (taken
// to run during the call that receives it, under the caller's locks), in an
// exported method of an unexported type that the package never calls
// (reached through an interface of another package, often inside the
// package's own critical section), or in a function whose callers all hold
// locks it cannot name (db.mu held by the caller, dc.db.mu in the callee).
// Calls in test files say nothing of the locks a function of the package
// needs (a test holding the lock must not silence a write its users may
// make without it); a helper of the test files runs under its callers'
// locks, but for tests, which run alone (jellydator/ttlcache's addCacheItems).
//
// A call of an interface method, when the package declares the interface or
// the method is unexported, is a call of each implementation in the package
// (a type that implements the interface, exported or converted to an
// interface in the package): a method run only through interfaces runs under
// the locks every such call holds, and one call without the lock leaves it
// unguarded. A goroutine is followed through static calls, closures,
// function values passed as arguments (go wait.Until(c.worker, …)), closures
// called through variables, interface method calls (on a package variable
// its spawner set last before the spawn, the set type's alone: hertz's
// handler name operator, see dispatch.go), calls of a func field that the
// package sets to one function (c.onEvict = c.evicted), and the helpers it
// defers (defer r.remove(id)), which run with the locks held at its return.
// A parameter run unlocked in goroutines started in a loop (helm's
// batchPerform) runs what callers pass there in copies paired together.
//
// A call of another package's function accesses the maps its fact says:
// an exported function's AccessFact lists the map fields of its
// arguments' objects it (or a function of its package it calls) reads or
// writes holding no lock, for fields its package never locks for (a lock
// there is its contract: LockFact). mennanov/limiters#71: a constructor
// starts a goroutine calling registry.DeleteExpired while the middleware
// calls registry.GetOrCreate per request; both write r.m, which package
// limiters never locks: each call is reported as a write of registry.m.
//
// A lock that the spawner takes and the goroutine releases (sarama's
// Broker.Open: b.lock.Lock(); go func() { defer b.lock.Unlock(); … }()) is
// handed over: the goroutine's accesses before the unlock hold it, and the
// spawner holds it no more. A goroutine that reaches a map through a
// back-pointer is paired with the owner's accesses when the package proves
// it one: every helper is made with a pointer to the owner that then holds
// it, c.reader = newConnectionReader(c), so c.reader.cnx.pendingReqs is
// c.pendingReqs. A function stored in an exported field that another
// package runs in goroutines it starts (gardener/docforge#121's
// jobs.Job.Worker, run by MaxWorkers goroutines: a fact on the field says
// so) runs in those goroutines from the store on, when the stored value is
// a function or closure of the package, one a function of the package
// makes and returns, converted to a func adapter type (jobs.WorkerFunc) or
// not, or a value of a type of the package (its methods the field's
// interface names). A function whose every call holds a lock on some path
// (in the caller, or in the callers' callers) is treated like an access
// under a lock taken on some paths of its own function: a discipline the
// pass does not second-guess. caddy's NetworkAddress.Listen locks
// unixSocketsMu when na.IsUnixNetwork(), and listen calls
// reuseUnixSocket, which reads and writes unixSockets, under the same
// test: silent. One caller that never locks is enough for the report.
//
// In an internal package (a path with an internal element, which only its own
// module can import), the pairing of a goroutine that a method starts with the
// type's other exported methods is decided where those methods are called: all
// the callers are in the module, and are analysed after the package. A fact on
// the method names the spawner (and the package's methods that call it on their
// receiver), and a call of the method is reported where it follows, in its
// function and with no wait between, a call of the spawner on the same object:
// benthos' internal/config.Reader, whose Read and ReadStreams its cli calls
// before BeginFileWatching starts the watcher that rereads the files into the
// same maps, is silent, and a Read after BeginFileWatching is reported at the
// call, with no fix (see Fixes below). A call in a function that never calls
// the spawner (the reader was set up elsewhere) is taken to be ordered by the
// module. A goroutine that a constructor starts runs from the object's birth,
// so every call of the method follows it: that pairing is reported where it is
// defined, as is every pairing in a package anyone can import
// (go-libp2p-pubsub's Attach and AddDirectPeer), but for one shape: a goroutine
// that is the worker of the methods that start it. Its last act is to send its
// result on a channel field (only deferred calls of other packages follow, and
// it sends on that field nowhere else), its spawner is an unexported method the
// package only calls (no interface of the package has a method of its name, so
// no call is dynamic), and every call of the spawner is made by a method on its
// own receiver that may then receive from that field. cschleiden/go-workflows'
// tester is the model: Execute runs the workflow, scheduleActivity starts a
// goroutine per activity that reads wt.mockedActivities and sends its result on
// wt.callbacks, which Execute's loop receives; OnActivity fills the map, and
// every caller in the module calls it before Execute. Such a goroutine does the
// work of the call that receives its result, so a caller that sets the object
// up before that call is ordered before it; pubsub's Attach instead returns
// with its goroutine running on, and every later AddDirectPeer races it,
// whoever calls. The receive does not prove every goroutine done when Execute
// returns (the loop stops on a flag), so the pairing is decided where the
// object is used, as in an internal package: OnActivity after Execute on the
// same tester is reported at the call. Requiring a write in the goroutine would
// lose the read-versus-write races this pairing exists for (pubsub's range over
// gs.direct).
//
// A method that starts an iterator goroutine (one that feeds a channel
// the method makes and returns, and closes it after its last map access:
// a close before every return of the goroutine, or its first deferred call)
// does its work on the object inside the extent of its caller's loop over
// the channel, in any package: the close happens before the receive that
// ends the loop, so what the caller does after draining the channel follows
// every access of the goroutine, and what it did before the call precedes
// the go statement. Its pairing with the type's exported methods is decided
// at its callers, through a fact on the method (IterFact) that lists the
// methods the pairing found racing: a call of one of them on the same
// object, or an access of the package to a map the goroutine reaches, is
// reported where the channel is still live, in the loop's body (each send
// on an unbuffered channel is a rendezvous, but the goroutine's next map
// read runs while the body does), after a loop left early, or after a
// receive that does not drain it, with no fix (see Fixes below). gubernator
// v2.13.0's LRUCache.Each, documented not thread-safe, whose one caller
// ranges over it and touches the cache only after, is silent; a spawner
// with no caller reports nothing, as a method that did the loop itself
// would not. A goroutine that outlives its spawner without such a close (a
// pool's reap loop) is paired where it is defined, as before.
//
// # Known limitations
//
// What is left, each with the reason no rule of this pass removes it.
//
// Calls it cannot see through. An interface call is taken to reach every
// implementation in the package, but as above: a points-to analysis such as
// VTA would cost a whole-program pass. Calls of other packages' interfaces
// (io.Writer), implementations in other packages, and a value passed to
// another package's function that stores it in a field it runs in
// goroutines, are not followed, and a static call of one only as far as its
// AccessFact (a field of an argument's object, no deeper): facts flow only
// from a package to its importers. A function stored in a func field or
// passed as a value runs under none of its callers' locks (only static,
// deferred and interface calls are call sites for the caller-lock summary),
// so the check of guarded maps leaves its accesses alone unless a goroutine
// reaches it. A lock handed to a goroutine is followed only into a function
// literal that go starts, or that is passed to the function go starts; a
// named function started by go runs under no lock. A lock held on an object
// is not seen through a back-pointer to it (grpc's priority balancer holds
// b.mu and reaches b again as cb.parent): such a call says nothing of the
// callee's locks, and a helper reached only that way is not checked. A
// serial executor is known in one shape (a goroutine started once per
// object that receives and calls the tasks); one started lazily per burst
// under a busy flag (pion/webrtc's operations) orders its tasks unseen.
//
// Bounds. What a goroutine reaches comes from summaries computed once per
// function, bottom-up over the call graph's cycles; a cycle's summaries are
// recomputed at most 8 times, so a recursive descent naming a new map each
// trip (n.m, n.next.m, …) is followed a bounded number of trips, and a name
// over 8 steps is not carried up (opa ran out of 24 GB without). A summary
// leaves out the maps of one activation (named by the function's own
// instructions, or by a callee's parameter its call left unbound), which no
// goroutine reaching it from outside shares (go-ethereum: past 22 GB without
// either rule, 331 to 357 MB with one). No bound on a summary's size is
// kept: none was needed on the corpus. A lock a caller holds is seen through
// up to three callers' boolean parameters, and a function is split on three
// conditions at most (each doubles the paths the lockset analysis runs).
//
// Conditions and order that are values, not code. A condition tested
// inside a loop (a value recomputed on each iteration) is not correlated
// with itself, and the result of a method call is not known to be the
// same twice (it may read state that changes). Deferred calls are ordered
// by their position, so a defer in a loop or under a condition is taken
// to run at every return it can reach. An exported method that waits on a
// channel is taken to hand its work to the goroutine, and a channel
// receive between the spawn and an access is taken as the hand-off that
// orders them, unless the channel is an unexported field that nothing the
// goroutine reaches sends on or closes (apache/pulsar-client-go#47's run
// loop selects on requests its users send while the reader goroutine it
// started deletes replies; also the loop for x := range c.jobs { go f(x) }
// on such a field): a receive from a local channel, an exported field or
// a call's result (ctx.Done(), time.After) still orders; a send behind
// a call the pass cannot resolve (a callback stored in a request) is not
// seen. Order kept by a network peer (a server goroutine that replies
// before the client sends the request another goroutine serves, in
// anacrolix/torrent's UDP tracker test) is not seen either.
//
// Order enforced by callers in other packages. Accesses ordered by a phase that
// the package's callers enforce are reported, but for the object pairing of an
// internal package and of a worker goroutine (above): a public package whose
// goroutine does not hand its result to its starters keeps the report at the
// definition even when every caller in the module sets up first, since its
// callers outside the module are never seen. The order lives in other packages,
// which go/analysis sees after this one, and only an internal package has all
// of them in its module. The pairing left to the callers misses a race whose
// calls are in different functions (a method called on a reader that a field
// holds, after another function started its watcher), and one whose package is
// analysed for its facts only (maplint ./cli alone, with the internal package a
// dependency: the fact comes out of the walk that reports); the guarded reads
// have no such fact (telling whether a read in an importer runs alongside a
// write under a lock would take the importer's goroutines to reach into the
// package's functions, which the summaries do not cross). cmd/link reads tables
// (gcsymset, DwarfFixupTable.Finalize) after the parallel phase that built
// them; etcd's bootstrap calls RaftCluster.SetID and
// ValidateClusterAndAssignIDs before the server serves; badger's DB.Close runs
// valueLog.Close after stopping the GC goroutine through a channel handshake;
// nats-server validates options before any account is in use; caddy's
// TLS.RegisterServerNames locks although it only runs before Start, whose
// goroutine reads the names unlocked. open-policy-agent/opa's sdk/test.Server
// is the default-mode case: NewServer runs its options, then starts the HTTP
// server whose handler reads s.bundles, and the builder method WithTestBundle
// writes s.bundles on the server it returned, which is already serving. Nothing
// in the package orders that write before a request (the package's own writes,
// in the options, run before the spawn and are silent); its callers do, by
// calling it before they point a client at the server. A rule keyed on the
// builder's shape (a method that returns its receiver) would silence the same
// write made while a client polls, which crashes; the project can declare it a
// setup method (below).
//
// A project declares the setup methods of its types with
// -concurrentwrite.setup (Config.Setup), a comma-separated list of
// path.Type.Method: such a method runs only while its object is set up,
// before any goroutine uses it, so it is not paired with the goroutines of
// its object, and a map that only setup methods write has no unguarded
// reads. caddy (TLS.RegisterServerNames, run while provisioning) would set
//
//	-concurrentwrite.setup=github.com/caddyserver/caddy/v2/modules/caddytls.TLS.RegisterServerNames
//
// (in .golangci.yml, passes: {concurrentwrite: {setup: "..."}}). Otherwise
// write //maplint:ignore concurrentwrite <reason> on such a line:
//
//	for node := range w.State { //maplint:ignore concurrentwrite read after the witness is built
//		...
//	}
//
// Iterator channels handed on. The live extent of an iterator's channel is
// followed in the function that calls the spawner only. A caller that
// returns the channel, or returns without draining it (gubernator's
// handleStore on a cancelled context), leaves the rest of the extent to its
// own callers, and what they do on the object is not reported; a caller that
// passes the channel to a function that drains it keeps it live to its end,
// so a later call on the object is reported. Following the extent across
// calls would take the channel's value flow, as a hand-off would (above).
//
// Locks held across calls by a protocol. opa's disk Store takes wmu in
// NewTransaction for a write transaction and releases it in Commit or
// Abort; Register and Unregister, which write db.triggers, refuse a
// transaction whose write field is false and one whose db is another
// store, so they hold wmu and never meet Commit's range over the
// triggers. The write is reported. The lock is tied to a field of the
// value NewTransaction returns, and proved at the access through that
// field and an identity test, across calls made by other packages through
// the storage.Store interface: that is a typestate of the transaction
// over its life, while the lock summaries relate locks to a function's
// entry and exit. Maps owned by one goroutine through a protocol rather
// than a mutex (nats-server's MQTT session, touched only from the
// readLoop of the client that holds it in the locked-sessions map) are
// reported too: the ownership is a fact of the program's state (which map
// holds the session), not of its code.
//
// Concurrency contracts of other packages. A method that is called
// concurrently only by other packages, with no lock in sight, is not known
// to be: gofr-dev/gofr#4054's Subscribe wrote subStarted from the
// errgroup goroutines of another package. Inside its own package nothing
// says Subscribe runs alongside itself: its one lock is explained by the
// receiver goroutine it starts (which reads receiveChan), the type names
// no interface whose contract is concurrent use, and the API table has no
// such row for gofr's pubsub.Client (a contract of one library, which a
// user option could declare). Reporting unlocked map writes in every
// exported method of a type that has a mutex would flag the types whose
// methods one goroutine calls while the mutex guards other fields against
// another. So the crashing writes stay missed; the reads of receiveChan
// are reported with -concurrentwrite.reads. fyne-io/fyne#3134 is the same
// case with a sync.Map (testdata knownmiss/fyne.go): its documentation
// names goroutines that work on disjoint keys as an intended use, where
// each value, and a map inside it, is owned by one goroutine. A closure
// that accesses a map captured with a local mutex but never takes it is
// not checked (a getter closure handed out with a locking setter): it
// cannot be told from a comparator run once the locking goroutines end.
//
// Fixes. The fix for a goroutine race declares a sync.Mutex only next to a
// local map written in the goroutines (wg.Go, go in a loop). A finding
// with no fix says why none is safe, at the end of its message:
//
//	concurrent write to map s.clients (held: none); also accessed by …; no fix: which lock should guard s.clients is a design decision
//
// The reasons, each naming the function, lock or map concerned:
//
//   - which lock should guard the map is a design decision: a field or
//     package map with no guard yet, written or read in a goroutine race;
//   - a lock taken at a read of a local map alone would not order it with
//     the unlocked write (whose finding has the fix, or its own reason);
//   - the function is called in the package, where a caller may already
//     hold the lock, or hold the read lock the fix would upgrade;
//   - the statement calls a function that may take the lock (for the new
//     mutex of a local map: that may reach the map), or receives from a
//     channel and would wait holding the lock;
//   - the function already defers the unlock;
//   - the access is not in a statement a lock can wrap: a range loop
//     (its body would hold the lock), an if, switch or for header, a select
//     case, a send, a go or defer statement's arguments, a var declaration,
//     or for a local map a return statement (no unlock can follow);
//   - the guard cannot be named from the map's expression, is reached
//     through an index, or is one of locks tied at the other accesses,
//     which do not show which one this one should take;
//   - the read lock is taken by a helper, not by an RLock call the fix can
//     rename; the function calls another of the package, which may read-lock
//     again (deadlock); it does not release it; the mutex has no Lock;
//   - a local map is not declared by a statement of a block (a parameter),
//     is also reached through another name, where a new mutex would not be
//     in scope, or is already given a mutex by another write's fix; a
//     captured mutex's name names another variable at the access;
//   - the lock another package's function requires is not exported, or
//     how much of the caller it must cover around the call is a design
//     decision;
//   - a method called after the call that started its goroutine (above):
//     calling it before changes the program, and a lock belongs in the
//     method's package; a call or access while an iterator's channel is
//     live (above): moving it past the channel's close changes the
//     program, and a lock belongs in the spawner's package;
//   - the file is generated: an edit would be lost when it is generated again.
//
// Unguarded reads (-concurrentwrite.reads) stay opt-in: their false
// reports are the phase order above.
package concurrentwrite
