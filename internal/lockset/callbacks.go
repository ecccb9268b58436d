package lockset

import "golang.org/x/tools/go/ssa"

// callbackHeld returns the locks that the closure cb, passed to the call c
// made holding held, runs under.
func (o *Options) callbackHeld(c *ssa.Call, cb *ssa.Function, held Set) Set {
	if o.Executor == nil {
		return held
	}
	ref, waits, ok := o.Executor(c, cb)
	if !ok {
		return held
	}
	if !waits {
		held = Set{}
	}
	return held.With(Lock{Ref: ref, Pos: c.Pos()})
}

// callbacks returns the closures passed to c that run during the call.
func (o *Options) callbacks(c *ssa.Call) []*ssa.Function {
	if o.Synchronous == nil {
		return nil
	}
	var out []*ssa.Function
	for _, a := range c.Call.Args {
		mc, ok := a.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		if refs := mc.Referrers(); refs == nil || len(*refs) != 1 || (*refs)[0] != c {
			continue
		}
		if !o.Synchronous(c) {
			return nil
		}
		out = append(out, mc.Fn.(*ssa.Function))
	}
	return out
}
