package lockset

import (
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// translate returns the locks of held (at a call) that the callee can name:
// paths below its parameters, rooted at the callee's parameters, and package
// variables.
func translate(held Set, call *ssa.CallCommon, callee *ssa.Function) Set {
	out, _ := translateAll(held, call, callee)
	return out
}

// translateAll is translate, and reports whether every lock of held is
// named in the callee. A lock passed under several names is held under
// each: nats-server passes both mset and batches := mset.batches to
// checkFlowControl while holding batches.mu, which another caller knows
// only as its parameter batches.
func translateAll(held Set, call *ssa.CallCommon, callee *ssa.Function) (Set, bool) {
	if call == nil {
		return translateArgs(held, nil, callee)
	}
	if len(call.Args) != len(callee.Params) {
		return Set{}, held.Len() == 0
	}
	return translateArgs(held, call.Args, callee)
}

// translateArgs is translateAll for a call binding args to callee's
// parameters (nil for a callback, which sees only what its free variables
// name).
func translateArgs(held Set, args []ssa.Value, callee *ssa.Function) (Set, bool) {
	out, all := Set{}, true
	if args != nil && len(args) != len(callee.Params) {
		return out, held.Len() == 0
	}
	for _, l := range held.Locks() {
		if _, ok := l.Ref.Root.(*ssa.Global); ok || encloses(valueFunc(l.Ref.Root), callee) {
			// A closure sees its enclosing functions' values through its
			// free variables, which mapid resolves to those values.
			out = out.With(l)
			continue
		}
		named := false
		for i, arg := range args {
			ar := mapid.RefOf(arg)
			if rel, ok := l.Ref.Path.TrimPrefix(ar.Path); ok && ar.Root == l.Ref.Root {
				out = out.With(Lock{Ref: mapid.Ref{Root: callee.Params[i], Path: rel}, Read: l.Read, Pos: l.Pos})
				named = true
			}
		}
		// A per-key lock the callee cannot name guards nothing it
		// reaches outside the entry (see PerKey): dropped, the call is
		// not opaque for it.
		all = all && (named || PerKey(l.Ref.Root))
	}
	return out, all
}

// valueFunc returns the function that computes v, or nil.
func valueFunc(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent()
	case ssa.Instruction:
		return v.Parent()
	}
	return nil
}

// encloses reports whether outer is a strict lexical ancestor of fn.
func encloses(outer, fn *ssa.Function) bool {
	if outer == nil {
		return false
	}
	for p := fn.Parent(); p != nil; p = p.Parent() {
		if p == outer {
			return true
		}
	}
	return false
}
