package apis

// concurrencyRows: goroutines, waiting and locks.
var concurrencyRows = []Row{
	{"sync", "WaitGroup", "Go", Spawn, 0, "runs f in a new goroutine (Go 1.25)"},
	{"golang.org/x/sync/errgroup", "Group", "Go", Spawn, 0, "runs f in a new goroutine"},
	{"golang.org/x/sync/errgroup", "Group", "TryGo", Spawn, 0, "runs f in a new goroutine when the limit allows"},
	{"time", "", "AfterFunc", SpawnTimer, 1, "runs f in its own goroutine when the timer fires"},
	{"context", "", "AfterFunc", SpawnTimer, 1, "runs f in its own goroutine when ctx is done"},
	{"net/http", "", "HandleFunc", SpawnPerCall, 1, "the server runs the handler in a goroutine per request"},
	{"net/http", "ServeMux", "HandleFunc", SpawnPerCall, 1, "the server runs the handler in a goroutine per request"},
	{"net/http", "Handler", "ServeHTTP", ServedMethod, Recv, "net/http's server calls the ServeHTTP of every Handler it serves in a goroutine per request"},
	{"google.golang.org/grpc", "Server", "RegisterService", ServePerCall, 1, "the server runs each RPC in a goroutine of its own: the methods of impl run concurrently"},
	{"google.golang.org/grpc", "ServiceRegistrar", "RegisterService", ServePerCall, 1, "the registrar (a *grpc.Server) runs each RPC in a goroutine of its own; generated RegisterXxxServer functions call it"},
	{"testing", "T", "Run", SpawnSubtest, 1, "runs f in a goroutine; parallel to its siblings once f calls t.Parallel"},
	{"testing", "B", "Run", SpawnSubtest, 1, "runs f in a goroutine"},
	{"testing", "T", "Parallel", Parallel, Recv, "the test runs in parallel with other parallel tests"},

	{"sync", "Once", "Do", RunOnce, 0, "documented: no call to Do returns until the one call to f returns"},
	{"sync", "", "OnceFunc", RunOnce, 0, "the returned function calls f once; concurrent calls wait for it"},
	{"sync", "", "OnceValue", RunOnce, 0, "the returned function calls f once; concurrent calls wait for it"},
	{"sync", "", "OnceValues", RunOnce, 0, "the returned function calls f once; concurrent calls wait for it"},

	{"sync", "WaitGroup", "Wait", Wait, Recv, "blocks until every goroutine counted by the WaitGroup is done"},
	{"golang.org/x/sync/errgroup", "Group", "Wait", Wait, Recv, "blocks until every goroutine of the group has returned"},
	{"sync", "WaitGroup", "Done", Done, Recv, "documented: a call to Done \"synchronizes before\" the return of any Wait call that it unblocks"},

	{"sync", "Mutex", "Lock", Lock, Recv, "acquires the mutex"},
	{"sync", "Mutex", "Unlock", Unlock, Recv, "releases the mutex"},
	{"sync", "Mutex", "TryLock", TryLock, Recv, "acquires the mutex when it returns true"},
	{"sync", "RWMutex", "Lock", Lock, Recv, "acquires the mutex for writing"},
	{"sync", "RWMutex", "Unlock", Unlock, Recv, "releases the write lock"},
	{"sync", "RWMutex", "TryLock", TryLock, Recv, "acquires the write lock when it returns true"},
	{"sync", "RWMutex", "RLock", RLock, Recv, "acquires the mutex for reading: other readers may hold it too"},
	{"sync", "RWMutex", "RUnlock", RUnlock, Recv, "releases a read lock"},
	{"sync", "RWMutex", "TryRLock", TryRLock, Recv, "acquires a read lock when it returns true"},
	{"sync", "Locker", "Lock", Lock, Recv, "the sync.Locker contract: acquires the lock"},
	{"sync", "Locker", "Unlock", Unlock, Recv, "the sync.Locker contract: releases the lock"},

	// Atomic loads read state that other goroutines change meanwhile: a
	// value compared across a map's entries is then as much a matter of
	// timing as of the visiting order.
	{"sync/atomic", "", "LoadInt32", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "", "LoadInt64", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "", "LoadUint32", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "", "LoadUint64", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "", "LoadUintptr", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "", "LoadPointer", LiveLoad, 0, "atomically loads *addr, which other goroutines store to"},
	{"sync/atomic", "Bool", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Int32", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Int64", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Uint32", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Uint64", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Uintptr", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Pointer", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},
	{"sync/atomic", "Value", "Load", LiveLoad, Recv, "atomically loads the value, which other goroutines store to"},

	// A value kept in a sync.Map is found by its key: a mutex stored there
	// (LoadOrStore(k, &sync.Mutex{})) is one per key, like a mutex in an
	// entry of a map (weka/csi-wekafs#712).
	{"sync", "Map", "Load", KeyedEntry, 0, "documented: \"returns the value stored in the map for a key\""},
	{"sync", "Map", "LoadOrStore", KeyedEntry, 0, "documented: \"returns the existing value for the key if present. Otherwise, it stores and returns the given value\""},
	{"sync", "Map", "LoadAndDelete", KeyedEntry, 0, "documented: \"deletes the value for a key, returning the previous value if any\""},
	{"sync", "Map", "Swap", KeyedEntry, 0, "documented: \"swaps the value for a key and returns the previous value if any\""},
}
