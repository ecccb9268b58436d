package concurrentwrite

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// groups returns the accesses to shared maps (fields and package variables)
// grouped by map, in order of first access.
func groups(accs []*access) [][]*access {
	var out [][]*access
	index := make(map[mapid.ID]int)
	for _, a := range accs {
		if a.id.Kind != mapid.Field && a.id.Kind != mapid.Global {
			continue
		}
		i, ok := index[a.id]
		if !ok {
			i = len(out)
			index[a.id] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], a)
	}
	return out
}

// checkGuarded reports writes made without the lock that guards their map:
//
//	func (s *S) Add(k string) { s.mu.Lock(); defer s.mu.Unlock(); s.m[k] = 1 }
//	func (s *S) Del(k string) { delete(s.m, k) } // reported
//
// Only accesses to shared objects count, for the inference as for the
// report: a constructor filling the map of the object it allocates, or a
// helper only ever called on such objects, is not evidence either way.
func (ck *checker) checkGuarded(accs []*access) {
	for _, group := range groups(accs) {
		shared, g, ok := ck.guardOf(group)
		if !ok {
			continue
		}
		for _, a := range shared {
			if !a.Write || !ck.exposed[a.fn] || g.Held(a.base, a.held, true) || !ck.inFile(a.Pos) {
				continue // read-locked writes are reported by checkReadLocked
			}
			if a.id.Kind == mapid.Field && !knownShared(a.base) {
				continue
			}
			if !ck.unguarded(a, g) {
				// Holding another lock (or this one on some paths only,
				// `if c { s.mu.Lock(); defer s.mu.Unlock() }`) is a locking
				// discipline this pass does not second-guess: go-ethereum's
				// RegisterHandler writes under n.lock, and only before the
				// server that reads under h.mu starts. Where every call
				// binds the parameters the locking depends on, each call
				// is checked.
				continue
			}
			other := otherAccess(shared, a, func(b *access) bool { return g.Held(b.base, b.held, !b.Write) })
			ref := g.For(a.base)
			gname, why := ck.guardText(a, g)
			d := analysis.Diagnostic{
				Pos:      a.Pos,
				Category: CategoryUnguarded,
				Message: fmt.Sprintf("concurrent write to map %s without %s (held: %s); also accessed by %s",
					ck.mapName(a), gname, a.held.String(ck.lockName), ck.funcName(other.fn)),
				Related: []analysis.RelatedInformation{{Pos: other.Pos, Message: fmt.Sprintf("%s of %s holding %s", opNoun(other), ck.mapName(other), gname)}},
			}
			var fix []analysis.SuggestedFix
			if why == "" {
				fix, why = ck.wrapFix(a, gname, ref)
			}
			ck.addFix(d, fix, why)
		}
	}
}

// checkReadLocked reports writes made holding only a read lock on the
// object (or package variable) that holds the map:
//
//	s.mu.RLock()
//	s.m[k] = v // reported
//	s.mu.RUnlock()
//
// The read lock must be shown to guard the map: the function can run in
// several goroutines at once (exported, or started many times), or another
// access to the map holds the same mutex for writing. A read lock taken for
// other fields by a function only one goroutine runs is not evidence.
func (ck *checker) checkReadLocked(accs []*access) {
	groupOf := make(map[*access][]*access)
	for _, g := range groups(accs) {
		for _, a := range g {
			groupOf[a] = g
		}
	}
	for _, a := range accs {
		if !a.Write || a.fresh || !ck.inFile(a.Pos) || (a.id.Kind != mapid.Field && a.id.Kind != mapid.Global) {
			continue
		}
		if a.id.Kind == mapid.Field && !knownShared(a.base) {
			continue
		}
		for _, l := range a.held.Locks() {
			if !l.Read || hasWriteLock(a.held) || !related(a, l.Ref) {
				continue // a write lock held too protects the write
			}
			if !ck.multi[a.fn] && !writeLocked(groupOf[a], a, l.Ref) {
				continue
			}
			if ck.upgradedByFlag(a, l) {
				continue // the write runs where a flag says the lock was upgraded
			}
			name := ck.lockName(l)
			d := analysis.Diagnostic{
				Pos:      a.Pos,
				Category: CategoryReadLock,
				Message:  fmt.Sprintf("write to map %s holding only read lock %s (held: %s)", ck.mapName(a), name, a.held.String(ck.lockName)),
				Related:  []analysis.RelatedInformation{{Pos: l.Pos, Message: "read lock taken here"}},
			}
			fix, why := ck.upgradeFix(a, l)
			ck.addFix(d, fix, why)
			break
		}
	}
}

// knownShared reports whether the object ref is one the function received
// (a receiver or argument, or an object reached from one) or a package
// variable. An object it allocated, or got from a call, may well be its
// own: `nt := t.copy(); nt.init(); nt.tmpl[k] = v` in a Clone method, a
// struct literal whose embedded pointer is a namespace made just before.
func knownShared(ref mapid.Ref) bool {
	switch ref.Root.(type) {
	case *ssa.Parameter, *ssa.Global:
		return true
	}
	return false
}

func hasWriteLock(s lockset.Set) bool {
	for _, l := range s.Locks() {
		if !l.Read {
			return true
		}
	}
	return false
}

// writeLocked reports whether an access of group holds the mutex that ref
// names for a (the same path from the object holding the map) for writing.
func writeLocked(group []*access, a *access, ref mapid.Ref) bool {
	var rel mapid.Path
	if a.id.Kind == mapid.Field {
		rel, _ = ref.Path.TrimPrefix(a.base.Path)
	}
	for _, b := range group {
		want := ref
		if a.id.Kind == mapid.Field {
			want = b.base.Child(rel)
		}
		if b.held.Holds(want, false) {
			return true
		}
	}
	return false
}

// related reports whether the lock ref plausibly protects the map of a: a
// package-level mutex for a package-level map, a mutex inside the object
// that holds a field map.
func related(a *access, ref mapid.Ref) bool {
	if a.id.Kind == mapid.Global {
		return mapid.IsGlobal(ref)
	}
	return ref.Root == a.base.Root && ref.Path.HasPrefix(a.base.Path)
}

// otherAccess returns the access of group to show next to a: one in another
// function satisfying pref, preferring writes, else any other.
func otherAccess(group []*access, a *access, pref func(*access) bool) *access {
	var best *access
	score := func(b *access) int {
		s := 0
		if b.fn != a.fn {
			s += 4
		}
		if pref(b) {
			s += 2
		}
		if b.Write {
			s++
		}
		return s
	}
	for _, b := range group {
		if b == a {
			continue
		}
		if best == nil || score(b) > score(best) {
			best = b
		}
	}
	if best == nil {
		return a
	}
	return best
}

func opNoun(a *access) string {
	if a.Via != nil && a.Write {
		return "write" + via(a)
	}
	if a.Via != nil {
		return readVerb(a) // read by (*limiters.Registry).Get
	}
	switch a.Op {
	case "assign":
		return "write"
	case "index", "len":
		return "read"
	}
	return a.Op
}
