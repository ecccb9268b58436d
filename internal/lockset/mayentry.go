package lockset

import "golang.org/x/tools/go/ssa"

// MayOnEntry returns the locks that every call of fn may hold: each static
// call of fn in the package is reached, on some path, holding them — in
// the caller, or (up to maxForward callers up) on some path of every call
// of the caller. It is the callers' counterpart of MayHold, for a helper
// called only where its caller locks under a condition that the helper,
// or the caller around the call, tests again:
//
//	func (na NetworkAddress) Listen(…) (any, error) { // caddy
//		if na.IsUnixNetwork() { unixSocketsMu.Lock(); defer unixSocketsMu.Unlock() }
//		return na.listen(…) // listen calls reuseUnixSocket if na.IsUnixNetwork()
//	}
//
// The result of a method call is not known to be the same twice, so the
// correlation is not proved; the lock is only held on some path of every
// call, as a lock taken under a condition in the function itself is. It
// is empty when fn is not only called statically, when a call is deferred
// or through an interface, when one call holds nothing on any path (a
// caller that never locks), or when a caller on the way tests one of its
// boolean parameters (nats-server's removeMsg(seq, needFSLock): each call
// decides the lock, see AtCalls). Calls from Unconstraining functions (tests,
// init) are skipped, as for the locks required on entry.
//
// It calls MayHold on the callers' analyses, which computes them on first
// use: call it before the Package is shared (the guards analyzer does).
func (p *Package) MayOnEntry(fn *ssa.Function) Set { return p.mayOnEntry(fn, 0) }

// A mayKey is a memoised question of mayOnEntry.
type mayKey struct {
	fn    *ssa.Function
	depth int
}

func (p *Package) mayOnEntry(fn *ssa.Function, depth int) Set {
	if depth > maxForward || !p.OnlyCalled(fn) || len(p.deferSites[fn])+len(p.dynSites[fn]) > 0 {
		return Set{}
	}
	k := mayKey{fn, depth}
	if s, ok := p.mayEntry[k]; ok {
		return s
	}
	if p.mayEntry == nil {
		p.mayEntry = make(map[mayKey]Set)
	}
	s := p.mayOnSites(fn, depth)
	p.mayEntry[k] = s
	return s
}

// mayOnSites is mayOnEntry without the memo.
func (p *Package) mayOnSites(fn *ssa.Function, depth int) Set {
	var out Set
	first := true
	for _, site := range p.sites[fn] {
		caller := site.Parent()
		if p.alone != nil && p.alone(caller, fn) {
			continue
		}
		if p.testsParams(caller) {
			// Its locks are decided by the constants each of its calls
			// passes: AtCalls's business, and where that gives up (too
			// many calls up), a lock on some path is not assumed.
			return Set{}
		}
		r := p.results[caller]
		if r == nil {
			return Set{} // not analysed (a cycle of calls): nothing known
		}
		at := r.MayHold(site)
		if caller != fn {
			at = at.Union(p.mayOnEntry(caller, depth+1))
		}
		at = translate(at, &site.Call, fn)
		if first {
			out, first = at, false
		} else {
			out = out.Meet(at)
		}
		if out.Len() == 0 {
			return Set{}
		}
	}
	return out
}
