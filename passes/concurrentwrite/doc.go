// Package concurrentwrite defines an Analyzer that reports map writes that
// race with another goroutine.
//
// # Analyzer concurrentwrite
//
// concurrentwrite: report map writes that may run concurrently with another access to the same map
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
//     the same map, and no lock is held by both.
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
// Good:
//
//	func (s *Session) Forget(id string) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		delete(s.seen, id)
//	}
//
// The pass is silent when the write and the other access hold a common lock
// (directly, through a deferred unlock, or through a helper that locks),
// when a function is only called with the lock held (whatever its name), when
// the object is not shared yet (a constructor filling a map before returning
// it), in init functions and top-level tests, when the accesses are ordered
// (writes before the go statement, after WaitGroup.Wait or errgroup's Wait,
// after a channel receive), for maps made inside the goroutine, and for
// sync.Map. A lock per shard (shards[i].mu guarding shards[i].m) is
// understood.
//
// Fixes: wrap the write in the inferred guard (Lock and a deferred Unlock
// when the write ends the function, Lock and Unlock around the statement
// otherwise), or turn the RLock/RUnlock pair that protects a write into
// Lock/Unlock. No fix is offered when the statement calls a function (which
// might take the same lock) or when some caller already holds the lock.
//
// The pass prefers silence where it would have to guess. It does not
// report a write that holds some other lock (a different locking discipline),
// a write in a closure passed as a callback (taken to run during the call
// that receives it, under the caller's locks), in an exported method of an
// unexported type (reached through an interface, often inside the package's
// own critical section), in a function whose callers all hold locks it
// cannot name (db.mu held by the caller, dc.db.mu in the callee), or in a
// test function or init. Goroutine races come without a fix: there is no
// lock to take.
//
// Known limitations: reads without the lock racing with a locked write are
// not reported (only writes are); locks taken through sync.Locker
// interfaces are not modelled, and functions using TryLock are skipped;
// accesses in different functions not related by a spawn site are compared
// only through the guard of a type meant for concurrent use; a goroutine
// started by one method is not paired with the other methods of its object;
// a channel receive anywhere between the spawn and an access is taken as
// the hand-off that orders them.
package concurrentwrite
