package nilmerge

import (
	"fmt"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// paramSource returns the origin of a nil passed for parameter p by a call
// in this package. The facts that hold at the write must all be about the
// function's parameters (or constants): they are carried over to the
// arguments of each call, together with the branches that dominate the
// call, so that
//
//	func add(m map[string]int, k string, on bool) { if on { m[k] = 1 } }
//	add(nil, "x", false)
//
// is not reported. A write that also depends on anything else (a field, a
// global, a call) is not followed into its callers: the caller may know
// what it does not tell.
func (a *checker) paramSource(p *ssa.Parameter, facts []fact, st *searchState) (*origin, []fact) {
	fn := p.Parent()
	if st.inParam[fn] {
		return nil, nil
	}
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if idx < 0 {
		return nil, nil
	}
	conds, ok := paramConds(facts, fn, false)
	if !ok {
		return nil, nil
	}
	if st.inParam == nil {
		st.inParam = make(map[*ssa.Function]bool)
	}
	st.inParam[fn] = true
	defer delete(st.inParam, fn)
	for _, call := range a.callers[fn] {
		args := call.Call.Args
		if len(args) != len(fn.Params) || call.Call.Signature().Variadic() {
			continue
		}
		cf := domFacts(a, call.Block())
		if a.dead(call.Block()) || !a.satisfiable(conds, args, cf, st) {
			continue
		}
		cf = append(cf, condFacts(conds, args)...)
		if o, _ := a.search(args[idx], cf, st); o != nil {
			return &origin{pos: call.Pos(), why: fmt.Sprintf("%s is passed nil by this call to %s", p.Name(), fn.Name()), kind: fromParam}, facts
		}
	}
	return nil, nil
}

// isPure reports whether v is a value with no dependence on memory or calls,
// so that dropping a fact about it loses nothing: only constants and
// operations on them qualify.
func isPure(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.BinOp:
		return isPure(v.X) && isPure(v.Y)
	case *ssa.UnOp:
		return v.Op != token.MUL && isPure(v.X)
	}
	return false
}

// redundant reports whether a fact about v says nothing that the facts
// about fn's parameters do not already say (implies derives those): the
// condition of a range over a parameter, a nil or length test of a
// parameter, or the negation of a boolean parameter.
func redundant(v ssa.Value, fn *ssa.Function) bool {
	isParam := func(x ssa.Value) bool {
		p, ok := x.(*ssa.Parameter)
		return ok && p.Parent() == fn
	}
	isLen := func(x ssa.Value) bool {
		c, ok := x.(*ssa.Call)
		return ok && isBuiltin(c.Call.Value, "len") && isParam(c.Call.Args[0])
	}
	isNilConst := func(x ssa.Value) bool {
		c, ok := x.(*ssa.Const)
		return ok && c.IsNil()
	}
	isIntConst := func(x ssa.Value) bool {
		c, ok := x.(*ssa.Const)
		return ok && c.Value != nil && c.Value.Kind() == constant.Int
	}
	switch v := v.(type) {
	case *ssa.Extract:
		if n, ok := v.Tuple.(*ssa.Next); ok {
			r, ok := n.Iter.(*ssa.Range)
			return ok && isParam(r.X)
		}
	case *ssa.UnOp:
		return v.Op == token.NOT && (isParam(v.X) || redundant(v.X, fn))
	case *ssa.BinOp:
		return isLen(v.X) && isIntConst(v.Y) || isLen(v.Y) && isIntConst(v.X) ||
			isParam(v.X) && isNilConst(v.Y) || isParam(v.Y) && isNilConst(v.X)
	case *ssa.Call:
		return isLen(v)
	}
	return false
}
