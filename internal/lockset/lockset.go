// Package lockset computes the sync.Mutex and sync.RWMutex locks held at each
// instruction of a function (must-hold: a lock is held only if it is held on
// every path), with deferred unlocks taking effect at return, and the effect
// of calls to functions that lock or unlock for their caller.
//
// A lock is named by a [mapid.Ref], the object path of the mutex from a root
// value (s.mu, shards[i].mu, a package variable), so that the lock taken in
// one statement matches the address computed in another. Sets are immutable:
// every change makes a new one (copy-on-write), so they can be shared between
// instructions and blocks.
package lockset

import (
	"bytes"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// A Lock is a mutex held in write (Lock) or read (RLock) mode.
type Lock struct {
	Ref  mapid.Ref
	Read bool
	Pos  token.Pos // where it was taken (the Lock call), for messages and fixes
}

// compare orders locks by their path's printed form, a read lock's with
// "/r" appended (the order of the printed held set).
func (l Lock) compare(m Lock) int {
	var lb, mb [64]byte
	return bytes.Compare(l.appendKey(lb[:0]), m.appendKey(mb[:0]))
}

func (l Lock) appendKey(b []byte) []byte {
	b = l.Ref.Path.AppendKey(b)
	if l.Read {
		b = append(b, "/r"...)
	}
	return b
}

func (l Lock) same(m Lock) bool { return l.Ref.Equal(m.Ref) && l.Read == m.Read }

// A Set is an immutable set of held locks in a deterministic order.
type Set struct{ locks []Lock }

// Locks returns the locks of s; the caller must not modify the slice.
func (s Set) Locks() []Lock { return s.locks }

// Len returns the number of locks held.
func (s Set) Len() int { return len(s.locks) }

// Holds reports whether s holds ref, in write mode unless read is true (a
// write lock also satisfies a read).
func (s Set) Holds(ref mapid.Ref, read bool) bool {
	for _, l := range s.locks {
		if l.Ref.Equal(ref) && (read || !l.Read) {
			return true
		}
	}
	return false
}

// Find returns the lock held on ref, if any.
func (s Set) Find(ref mapid.Ref) (Lock, bool) {
	for _, l := range s.locks {
		if l.Ref.Equal(ref) {
			return l, true
		}
	}
	return Lock{}, false
}

// With returns s plus l.
func (s Set) With(l Lock) Set {
	for _, m := range s.locks {
		if m.same(l) {
			return s
		}
	}
	out := append(slices.Clip(s.locks), l)
	slices.SortStableFunc(out, Lock.compare)
	return Set{out}
}

// Without returns s minus every lock on ref in the given mode.
func (s Set) Without(ref mapid.Ref, read bool) Set {
	i := slices.IndexFunc(s.locks, func(l Lock) bool { return l.Ref.Equal(ref) && l.Read == read })
	if i < 0 {
		return s
	}
	return Set{slices.Delete(slices.Clone(s.locks), i, i+1)}
}

// Meet returns the locks held in both s and t.
func (s Set) Meet(t Set) Set {
	if s.equal(t) {
		return s
	}
	// A lock held for writing on one side and for reading on the other is
	// held for reading on both: a closure called under RLock and again
	// under Lock may read what the lock guards.
	out := Set{}
	for _, l := range s.locks {
		for _, m := range t.locks {
			if !l.Ref.Equal(m.Ref) {
				continue
			}
			switch {
			case l.Read == m.Read, l.Read:
				out = out.With(l)
			default:
				out = out.With(m)
			}
		}
	}
	return out
}

// Union returns the locks held in s or t.
func (s Set) Union(t Set) Set {
	out := s
	for _, l := range t.locks {
		out = out.With(l)
	}
	return out
}

func (s Set) equal(t Set) bool {
	return slices.EqualFunc(s.locks, t.locks, Lock.same)
}

// String prints the set with name for each lock, "none" when empty.
func (s Set) String(name func(Lock) string) string {
	if len(s.locks) == 0 {
		return "none"
	}
	var parts []string
	for _, l := range s.locks {
		n := name(l)
		if l.Read {
			n += " (read)"
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, ", ")
}

// An Op is what a call does to a lock.
type Op uint8

const (
	None Op = iota
	Acquire
	Release
	RAcquire
	RRelease
	TryAcquire  // TryLock: the result says whether it is held
	TryRAcquire // TryRLock: the result says whether it is held for reading
)

// ops maps the table's lock roles to lockset operations.
var ops = [...]struct {
	role apis.Role
	op   Op
}{
	{apis.Lock, Acquire}, {apis.Unlock, Release}, {apis.RLock, RAcquire},
	{apis.RUnlock, RRelease}, {apis.TryLock, TryAcquire}, {apis.TryRLock, TryRAcquire},
}

// Classify says what call does to a lock (a row of the API table: sync.Mutex,
// sync.RWMutex), and returns the lock's address.
func Classify(call *ssa.CallCommon) (Op, ssa.Value) {
	fn := apis.Callee(call)
	if fn == nil {
		return None, nil
	}
	// A sync.Locker (a field or parameter of interface type) is named by
	// the path of the interface value: l.Lock() and l.Unlock() on the same
	// field or parameter take and release the same lock.
	// The rows are looked up once, not once per op: Classify runs on every
	// call of every function, most of which have none (and a miss tries
	// the sync types an interface may stand for).
	rows := apis.Rows(fn)
	for _, o := range ops {
		if r, ok := firstRow(rows, o.role); ok {
			if mu := apis.Arg(call, r.Arg); mu != nil {
				return o.op, mu
			}
		}
	}
	return None, nil
}

// firstRow returns the first of rows for role, as apis.Find does.
func firstRow(rows []apis.Row, role apis.Role) (apis.Row, bool) {
	for _, r := range rows {
		if r.Role == role {
			return r, true
		}
	}
	return apis.Row{}, false
}
