package concurrentwrite

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guard"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// checkReads reports reads made without the lock that guards the map's
// writes: "concurrent map read and map write" kills the process as surely
// as two writes, and in real fixed races the unlocked access is more often
// a read than a write:
//
//	func (r *Registry) Register(n string, s Svc) { r.mu.Lock(); r.svcs[n] = s; r.mu.Unlock() }
//	func (r *Registry) Lookup(n string) Svc      { return r.svcs[n] } // reported
//
// Reads are index, comma-ok, range, len, the maps functions, and the hidden
// reads of formatting, encoding or comparing a value that holds the map
// (rows of the API table). The evidence is a write that holds the guard: a
// map that is only ever read under a lock (or written before it is shared)
// gives none. A read in the one function that makes every write, and that
// does not run in several goroutines at once, is the owner's: its writes
// lock for the other readers, its own reads need not.
func (ck *checker) checkReads(accs []*access) {
	for _, group := range groups(accs) {
		shared, g, ok := ck.guardOf(group)
		// The writes say what guards the map: a getter per field that
		// forgets the lock outnumbers the one locked setter. Writes
		// under locks the pass cannot name count, holding none of the
		// candidates they do not take themselves (see guards.Unnamed).
		var obs []guard.Obs
		for _, a := range shared {
			if a.Write && ck.gr.GuardEvidence(a.g) {
				obs = append(obs, guard.Obs{Base: a.base, Held: a.held, Write: true, Fn: a.fn})
			}
		}
		for _, o := range ck.gr.Unnamed(group[0].id) {
			if o.Write {
				obs = append(obs, o)
			}
		}
		if wg, wok := guard.Infer(obs); wok {
			g, ok = wg, true
		}
		if !ok {
			continue
		}
		w := lockedWrite(shared, g)
		if w == nil || ck.writesInSetup(shared) {
			continue
		}
		beforeStart := ck.writtenBeforeStart(shared)
		for _, a := range shared {
			if a.Write || !ck.exposed[a.fn] || g.Held(a.base, a.held, true) || !ck.inFile(a.Pos) || heldByEveryWrite(a, shared) || benignLen(a) {
				continue
			}
			if a.id.Kind == mapid.Field && !knownShared(a.base) {
				continue
			}
			if beforeStart && !ck.gr.API[a.fn] {
				continue // runs in the phase the map's writes precede
			}
			own := selfLocked(a, shared, g)
			if !ck.Reads && own == nil {
				continue // off by default, but for a function's fast path
			}
			if ck.ownsWrites(a, shared) || !ck.unguarded(a, g) {
				continue
			}
			if g.Held(a.base, a.g.Loaded, true) {
				// The reference was taken under the guard and used after
				// the unlock: a snapshot swapped out in the critical
				// section (m := t.idle; t.idle = nil) is the function's
				// own, and one left in place is the escape pass's
				// finding (a map that leaves its lock).
				continue
			}
			if own != nil {
				w = own
			}
			ck.reportRead(a, w, g, own != nil && a.may.Len() == 0)
		}
	}
}

// guardOf returns the accesses of group that are evidence for its guard,
// and the guard (declared, or inferred by the guards analyzer).
func (ck *checker) guardOf(group []*access) ([]*access, guard.Guard, bool) {
	var shared []*access
	for _, a := range group {
		if ck.gr.Evidence(a.g) {
			shared = append(shared, a)
		}
	}
	g, ok := ck.gr.Guard(group[0].id)
	return shared, g, ok
}

// unguarded reports whether a, which does not hold g where it runs, is
// unguarded on some call: when its function is only called with constant
// boolean arguments, per call; otherwise when it holds no lock on any path
// (holding another lock, or this one on some paths, is a discipline the
// pass does not second-guess). A lock taken from a map's entry does not
// count (see elementLock).
func (ck *checker) unguarded(a *access, g guard.Guard) bool {
	if sites, ok := ck.lp.AtCalls(a.fn, a.Instr); ok {
		for _, s := range sites {
			if slices.Contains(s.Unshared, rootParam(a.base)) {
				continue // nobody else has the object on this call
			}
			if !g.Held(a.base, s.Held, !a.Write) {
				return true
			}
		}
		return false
	}
	return !otherDiscipline(a.held, a.base) && !otherDiscipline(a.may, a.base)
}

// otherDiscipline reports whether held has a lock that may stand for a
// locking discipline of its own over the map of base: any lock but a
// per-entry one (elementLock).
func otherDiscipline(held lockset.Set, base mapid.Ref) bool {
	for _, l := range held.Locks() {
		if !elementLock(l.Ref, base) {
			return true
		}
	}
	return false
}

// elementLock reports whether ref is a mutex found in an entry of a keyed
// container, other than the entry that holds the map of base: locks[k].Lock()
// with locks a map of mutexes or of structs that hold one, or a mutex kept
// in a sync.Map, also through a helper that returns it (lockset.PerKey).
// Such a lock orders the goroutines that work on one key; those that work
// on another key hold another mutex, and a Go map is not safe for writes
// and reads of different keys at once, so it cannot guard a map outside
// the entry (ipni/storetheindex#606: a worker held its provider's mutex,
// taken from providersBeingProcessed, while reading providerAdChainStaging,
// which the staging goroutine grew under providersBeingProcessedMu).
func elementLock(ref, base mapid.Ref) bool {
	if base.Root == ref.Root {
		return false // the map is in the same entry (shard.mu guards shard.m)
	}
	if lk, ok := ref.Root.(*ssa.Lookup); ok && lk.X == base.Root {
		return false
	}
	return lockset.PerKey(ref.Root)
}

// lockedWrite returns a write of shared that holds g for writing.
func lockedWrite(shared []*access, g guard.Guard) *access {
	for _, b := range shared {
		if b.Write && g.Held(b.base, b.held, false) {
			return b
		}
	}
	return nil
}

// selfLocked returns a write of a's object that a's own function makes
// holding the guard g, or nil. A function that reads a map without its
// lock and then takes the lock to write it (a fast path before the
// locked check: if _, ok := t.m[k]; !ok { t.mu.Lock(); … t.m[k] = v })
// says that it runs in several goroutines at once: one call's read races
// another's write. Such reads are reported by default.
func selfLocked(a *access, shared []*access, g guard.Guard) *access {
	for _, b := range shared {
		if b.Write && b.fn == a.fn && b.base.Equal(a.base) && g.Held(b.base, b.held, false) {
			return b
		}
	}
	return nil
}

// ownsWrites reports whether every write of shared is made by a's
// function, which runs in one goroutine at a time.
func (ck *checker) ownsWrites(a *access, shared []*access) bool {
	if ck.multi[a.fn] || ck.gr.SharedByCopies(a.fn, a.id, a.base) {
		return false // several goroutines may run a.fn on a's object
	}
	for _, b := range shared {
		if b.Write && b.fn != a.fn {
			return false
		}
	}
	return true
}

// rootParam returns the parameter the object ref is reached from, or nil.
func rootParam(ref mapid.Ref) *ssa.Parameter {
	prm, _ := ref.Root.(*ssa.Parameter)
	return prm
}

// reportRead reports the read a, unguarded by g, which w's write holds;
// selfLocking says that a's function takes g itself (see selfLocked) and
// holds no lock that may be g at a.
func (ck *checker) reportRead(a, w *access, g guard.Guard, selfLocking bool) {
	ref := g.For(a.base)
	gname, why := ck.guardText(a, g)
	d := analysis.Diagnostic{
		Pos:      a.Pos,
		Category: CategoryRead,
		Message: fmt.Sprintf("concurrent %s of map %s without %s (held: %s); also written by %s holding it",
			readVerb(a), ck.mapName(a), gname, a.held.String(ck.lockName), ck.funcName(w.fn)),
		Related: []analysis.RelatedInformation{{Pos: w.Pos, Message: fmt.Sprintf("%s of %s holding %s", opNoun(w), ck.mapName(w), gname)}},
	}
	var fix []analysis.SuggestedFix
	if why == "" {
		lock, unlock := "Lock", "Unlock"
		if ck.hasReadLock(w, g) {
			lock, unlock = "RLock", "RUnlock"
		}
		fix, why = ck.wrapFixOf(a, gname, ref, lock, unlock, selfLocking)
	}
	ck.addFix(d, fix, why)
}

// hasReadLock reports whether the guard g, held by the write w, has a
// read lock (a method with the RLock role in the API table).
func (ck *checker) hasReadLock(w *access, g guard.Guard) bool {
	l, ok := w.held.Find(g.For(w.base))
	if !ok {
		return false
	}
	_, _, sel, ok := ck.lockCall(l)
	if !ok {
		return false
	}
	_, ok = ck.methodWithRole(sel.X, apis.RLock)
	return ok
}

// heldByEveryWrite reports whether a holds (at least for reading) a lock
// that every write of shared holds for writing, whichever lock the
// inference chose as the guard: nats-server's updateAccountClaimsWithRefresh
// writes a.jsLimits holding both a.cmu and a.mu, so a read holding a.mu is
// ordered with every write.
func heldByEveryWrite(a *access, shared []*access) bool {
	for _, l := range a.held.Locks() {
		var g guard.Guard
		switch {
		case mapid.IsGlobal(l.Ref):
			g = guard.Guard{Abs: l.Ref}
		case l.Ref.Root == a.base.Root:
			rel, ok := l.Ref.Path.TrimPrefix(a.base.Path)
			if !ok {
				continue
			}
			g = guard.Guard{Rel: rel}
		default:
			continue
		}
		writes, all := 0, true
		for _, b := range shared {
			if b.Write {
				writes++
				all = all && g.Held(b.base, b.held, false)
			}
		}
		if writes > 0 && all {
			return true
		}
	}
	return false
}

// readVerb describes read access a for a message: "read", or "read by
// maps.Clone" for a read made by a call.
func readVerb(a *access) string {
	if strings.Contains(a.Op, ".") {
		return "read by " + a.Op
	}
	return "read"
}

// benignLen reports whether the read a is a len in a function marked
// //go:norace (or in a closure of one): the author has declared the
// function's data races intended, and len reads the map's count without
// the check that makes the runtime throw "concurrent map read and map
// write", so the race costs a count one off, not the process (nbio's
// Engine.Online returns len(e.conns) so). An index or range there can
// throw and stays reported.
func benignLen(a *access) bool {
	if a.Op != "len" {
		return false
	}
	fd, ok := goroutine.Outermost(a.fn).Syntax().(*ast.FuncDecl)
	if !ok || fd.Doc == nil {
		return false
	}
	return slices.ContainsFunc(fd.Doc.List, func(c *ast.Comment) bool { return c.Text == "//go:norace" })
}
