// Package guard infers the lock that guards a map from the accesses that hold
// one, as a type meant for concurrent use shows it: when most accesses to
// Session.seen hold the mu field of the same Session, mu guards seen, and an
// access without it is suspect.
//
// A guard is either a path relative to the object holding the map (field mu
// for a sibling field; shards[i].mu is not one: the object is the shard) or
// a lock of its own (a package-level mutex).
package guard

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// An Obs is one access to the map whose guard is inferred.
type Obs struct {
	Base  mapid.Ref // the object holding the map (zero for a package variable)
	Held  lockset.Set
	Write bool
	Fn    *ssa.Function // the function making the access (nil when unknown)
}

// A Guard is the inferred lock.
type Guard struct {
	Rel    mapid.Path // path from the object to the mutex, e.g. (field mu); empty when Abs is set
	Abs    mapid.Ref  // a lock that does not depend on the object (a package variable)
	Holds  int        // number of accesses holding it
	Lacks  int        // number of accesses not holding it
	Sample int        // index of an access that holds it, a write when there is one
	// Declared says the guard is declared (//maplint:guardedby), not
	// inferred.
	Declared bool
	// Tied holds the other locks held by as many accesses and as many
	// writes: the evidence does not choose between them (see Infer).
	Tied []Guard
}

// Field returns the declared guard of a map field: the step that selects
// the sibling mutex field.
func Field(mu mapid.Step) Guard { return Guard{Rel: mapid.PathOf(mu), Declared: true, Sample: -1} }

// Global returns the declared guard of a package-level map: the package
// variable mu.
func Global(mu ssa.Value) Guard { return Guard{Abs: mapid.Ref{Root: mu}, Declared: true, Sample: -1} }

// Declared returns the declared guard g with the counts of obs.
func Declared(g Guard, obs []Obs) Guard {
	g.Holds, g.Lacks, g.Sample = 0, 0, -1
	for i, o := range obs {
		if !g.Held(o.Base, o.Held, !o.Write) {
			g.Lacks++
			continue
		}
		g.Holds++
		if g.Sample < 0 || (o.Write && !obs[g.Sample].Write) {
			g.Sample = i
		}
	}
	return g
}

// For returns the guard's ref for an access to the map held by base.
func (g Guard) For(base mapid.Ref) mapid.Ref {
	if g.Abs.Root != nil {
		return g.Abs
	}
	return base.Child(g.Rel)
}

// Held reports whether held holds g, or a lock tied with it, for an access
// through base, in write mode unless read.
func (g Guard) Held(base mapid.Ref, held lockset.Set, read bool) bool {
	_, ok := g.HeldLock(base, held, read)
	return ok
}

// HeldLock returns the lock, g's or one tied with it, that held holds for
// an access through base, in write mode unless read.
func (g Guard) HeldLock(base mapid.Ref, held lockset.Set, read bool) (mapid.Ref, bool) {
	for _, c := range append([]Guard{g}, g.Tied...) {
		if lock := c.For(base); held.Holds(lock, read) {
			return lock, true
		}
	}
	return mapid.Ref{}, false
}

// Is reports whether ref is g, or a lock tied with it, for an access
// through base.
func (g Guard) Is(base, ref mapid.Ref) bool {
	return g.For(base).Equal(ref) || slices.ContainsFunc(g.Tied, func(t Guard) bool { return t.Is(base, ref) })
}

type candidate struct {
	rel   mapid.Path
	abs   mapid.Ref
	holds int
	write bool  // a write holds it
	at    []int // the accesses holding it, in order
	first int
	ptr   bool // reached through a pointer from the object holding the map
}

// Infer returns the lock held by the most accesses of obs, if it is held by
// at least as many accesses as lack it.
//
// Candidates held by as many accesses are a tie, which neither the order
// in which the locks are seen nor their names may break: the one held by
// more of the writes is the guard, since it is the lock that excludes the
// writers. When that is a tie too (nats-server's
// updateAccountClaimsWithRefresh writes a.signingKeys holding a.mu and
// a.cmu, and the reads hold one or the other), the evidence does not
// choose: the Guard lists the others in Tied, and an access holding none
// of them is unguarded whichever the author meant.
func Infer(obs []Obs) (Guard, bool) {
	cands := candidates(obs)
	var best []*candidate
	for _, c := range cands {
		if c.ptr && (c.holds < len(obs) || !c.write) {
			continue
		}
		switch {
		case len(best) == 0 || c.holds > best[0].holds:
			best = []*candidate{c}
		case c.holds == best[0].holds:
			best = append(best, c)
		}
	}
	if len(best) == 0 || best[0].holds*2 < len(obs) {
		return Guard{}, false
	}
	if slices.ContainsFunc(best, func(c *candidate) bool { return !c.ptr }) {
		// A lock of the object itself before a lock reached through a
		// pointer, both held everywhere.
		best = slices.DeleteFunc(best, func(c *candidate) bool { return c.ptr })
	}
	best = breakTie(best, obs)
	g := best[0].guard(len(obs))
	for _, c := range best[1:] {
		g.Tied = append(g.Tied, c.guard(len(obs)))
	}
	return g, true
}

func (c *candidate) guard(n int) Guard {
	return Guard{Rel: c.rel, Abs: c.abs, Holds: c.holds, Lacks: n - c.holds, Sample: c.first}
}

// breakTie returns the candidates among tied held by the most writes:
// the lock that excludes writers is the guard the evidence shows.
func breakTie(tied []*candidate, obs []Obs) []*candidate {
	writes := func(c *candidate) int {
		n := 0
		for _, i := range c.at {
			if obs[i].Write {
				n++
			}
		}
		return n
	}
	var most []*candidate
	for _, c := range tied {
		switch {
		case len(most) == 0 || writes(c) > writes(most[0]):
			most = []*candidate{c}
		case writes(c) == writes(most[0]):
			most = append(most, c)
		}
	}
	return most
}

// candidates returns the locks held at the accesses of obs that may guard
// the map, in the order they are first seen.
func candidates(obs []Obs) []*candidate {
	var cands []*candidate
	find := func(rel mapid.Path, abs mapid.Ref) *candidate {
		for _, c := range cands {
			if c.rel.Equal(rel) && c.abs.Equal(abs) {
				return c
			}
		}
		c := &candidate{rel: rel, abs: abs, first: -1}
		cands = append(cands, c)
		return c
	}
	for i, o := range obs {
		for _, l := range o.Held.Locks() {
			if o.Write && l.Read {
				continue // a read lock does not guard a write
			}
			var c *candidate
			rel, inside := l.Ref.Path.TrimPrefix(o.Base.Path)
			switch {
			case o.Base.Root != nil && l.Ref.Root == o.Base.Root && inside && !rel.IsEmpty():
				// A lock inside the object holding the map (checked first:
				// for a package variable pointing to a struct, the
				// object's mutex is also rooted at the variable).
				c = find(rel, mapid.Ref{})
				// A lock of another object reached through a pointer
				// (r.f.indexLock for r.finishedMaps) mostly guards that
				// object's data; it guards this map only when every
				// access holds it (a child locking its parent's mutex).
				// The executor of the object the map's holder points to
				// (a.loop's, for a.candidates) is the holder's own: its
				// tasks are where the holder's maps are meant to be used.
				c.ptr = derefBeforeLast(rel.TrimSerial())
			case mapid.IsGlobal(l.Ref) && (o.Base.Root == nil || takenIn(o.Fn, l)):
				// A package-level mutex guards a package-level map, and a
				// field's map where the access's own function takes it
				// (dovecot-xaps-daemon's dbMutex, locked by
				// AddRegistration around its writes of db.Users). One that
				// a caller holds around whole operations (testing's
				// benchmarkLock around a benchmark run, which ResetTimer
				// requires for clearing b.extra) is not evidence about one
				// object's map.
				c = find(mapid.Path{}, l.Ref)
			default:
				continue
			}
			if slices.Contains(c.at, i) {
				continue
			}
			c.at = append(c.at, i)
			c.holds++
			if c.first < 0 || (o.Write && !c.write) {
				c.first = i
			}
			c.write = c.write || o.Write
		}
	}
	return cands
}

// takenIn reports whether the lock l was taken in fn itself: its Lock call
// lies in fn's body (or in a closure inside it), not in a caller.
func takenIn(fn *ssa.Function, l lockset.Lock) bool {
	if fn == nil || !l.Pos.IsValid() {
		return false
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	syn := fn.Syntax()
	return syn != nil && syn.Pos() <= l.Pos && l.Pos < syn.End()
}

// derefBeforeLast reports whether p loads through a pointer before its
// last step.
func derefBeforeLast(p mapid.Path) bool {
	for i := 0; i < p.Len()-1; i++ {
		if p.At(i).Kind() == mapid.DerefStep {
			return true
		}
	}
	return false
}
