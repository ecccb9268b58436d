package lockset

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// An unsharedSite is a call passing unshared objects for params, with at
// held (translated to the callee).
type unsharedSite struct {
	call   *ssa.Call
	at     Set
	params []*ssa.Parameter
}

// entry returns the locks fn runs under: those every ordinary call holds,
// met with those of the calls that pass an unshared object, less the locks
// on that object (nobody else can touch it, whatever is held). ok is false
// when no call has been seen.
//
//	func New() *Store { s := &Store{...}; s.restore(); return s } // s unshared
//	func (s *Store) Activate(i int) { s.mu.Lock(); defer s.mu.Unlock(); s.add(i) }
//
// restore and add run under s.mu: the only call without it is on a Store
// no other goroutine has.
func (st *reqState) entry(fn *ssa.Function) (Set, bool) {
	var out Set
	have := false
	if r := st.reqs[fn]; r != nil {
		out, have = *r, true
	}
	for _, u := range st.unshared[fn] {
		if !have {
			out, have = u.at, true
			continue
		}
		m := out.Meet(u.at)
		for _, l := range out.Locks() {
			if slices.Contains(u.params, rootParam(l.Ref)) {
				m = m.Without(l.Ref, true).With(l)
			}
		}
		out = m
	}
	return out, have
}

// lowerUnshared records the call c of cf, which passes unshared objects
// for params, with at held.
func (st *reqState) lowerUnshared(cf *ssa.Function, c *ssa.Call, at Set, params []*ssa.Parameter) {
	sites := st.unshared[cf]
	for i := range sites {
		if sites[i].call == c {
			if sites[i].at.equal(at) {
				return
			}
			sites[i].at = at
			st.dirty[cf], st.changed = true, true
			return
		}
	}
	st.unshared[cf] = append(sites, unsharedSite{call: c, at: at, params: params})
	st.dirty[cf], st.changed = true, true
}

// unsharedParams returns the parameters of cf that the call c binds to
// objects nobody else has yet (Options.Unshared).
func unsharedParams(c *ssa.Call, cf *ssa.Function, opts *Options) []*ssa.Parameter {
	if opts.Unshared == nil || len(c.Call.Args) != len(cf.Params) {
		return nil
	}
	var out []*ssa.Parameter
	for i := range c.Call.Args {
		if opts.Unshared(c, i) {
			out = append(out, cf.Params[i])
		}
	}
	return out
}

// rootParam returns the parameter ref is rooted at, or nil.
func rootParam(ref mapid.Ref) *ssa.Parameter {
	prm, _ := ref.Root.(*ssa.Parameter)
	return prm
}
