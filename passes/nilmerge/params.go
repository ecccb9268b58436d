package nilmerge

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
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
	idx := paramIndex(fn, p)
	if idx < 0 {
		return nil, nil
	}
	own, ok := dropNilEntries(facts, p)
	if !ok {
		return nil, nil
	}
	conds, ok := paramConds(own, fn, false)
	if !ok {
		return nil, nil
	}
	if st.inParam == nil {
		st.inParam = make(map[*ssa.Function]bool)
	}
	st.inParam[fn] = true
	defer delete(st.inParam, fn)
	for call, cf := range a.feasibleCalls(fn, conds, st) {
		if o, _ := a.search(call.Call.Args[idx], cf, st); o != nil {
			return a.passedOrigin(p, call, o), facts
		}
	}
	return nil, nil
}

// feasibleCalls yields the calls of fn in the package that pass it all
// its parameters (not variadically), in a live block, where the
// conditions conds on fn's parameters can hold, each with the facts at
// the call: those its block's dominators establish, and conds stated on
// the arguments.
func (a *checker) feasibleCalls(fn *ssa.Function, conds []paramCond, st *searchState) iter.Seq2[*ssa.Call, []fact] {
	return func(yield func(*ssa.Call, []fact) bool) {
		for _, call := range a.callers[fn] {
			args := call.Call.Args
			if len(args) != len(fn.Params) || call.Call.Signature().Variadic() {
				continue
			}
			cf := domFacts(a, call.Block())
			if a.dead(call.Block()) || !a.satisfiable(conds, args, cf, st) {
				continue
			}
			if !yield(call, append(cf, condFacts(conds, args)...)) {
				return
			}
		}
	}
}

// passedOrigin says that call passes p the nil that o says where it comes
// from: a nil constant, or a map the caller has from a source of its own
// (a field a server left nil, a struct built without it), which the
// message names with its place.
func (a *checker) passedOrigin(p *ssa.Parameter, call *ssa.Call, o *origin) *origin {
	fn := p.Parent()
	if !o.pos.IsValid() && o.at == "" {
		return &origin{pos: call.Pos(), why: fmt.Sprintf("%s is passed nil by this call to %s", p.Name(), fn.Name()), kind: fromParam}
	}
	why := fmt.Sprintf("%s is passed a map that may be nil by this call to %s (%s)", p.Name(), fn.Name(), o.describe(a.pass.Fset))
	return &origin{pos: call.Pos(), why: why, kind: fromParam, inner: o}
}

// dropNilEntries leaves out of facts those about entries of the map
// parameter p, which is nil on the path searched: an entry of a nil map
// is its zero value, and "not there". A comparison of an entry with a
// constant is decided (if m[k] == 0 { return } leaves no path to the
// write: ok is false), and one with a value computed from the parameters
// alone may hold (mergeMap's if target[key] != value); a comma-ok test of
// an entry is false. Other facts are kept.
func dropNilEntries(facts []fact, p *ssa.Parameter) ([]fact, bool) {
	isEntry := func(v ssa.Value) bool {
		l, ok := v.(*ssa.Lookup)
		return ok && l.X == ssa.Value(p) && !l.CommaOk
	}
	out := make([]fact, 0, len(facts))
	for _, f := range facts {
		switch v := f.v.(type) {
		case *ssa.Extract:
			if l, ok := v.Tuple.(*ssa.Lookup); ok && l.X == ssa.Value(p) && v.Index == 1 {
				if f.k == isTrue {
					return nil, false
				}
				continue
			}
		case *ssa.BinOp:
			x, y, op := v.X, v.Y, v.Op
			if isEntry(y) {
				x, y, op = y, x, apis.Mirror(op)
			}
			if !isEntry(x) || !isComparison(op) {
				break
			}
			if c, ok := y.(*ssa.Const); ok {
				z := zeroOf(x.Type())
				if z == nil || c.Value == nil || z.Kind() != c.Value.Kind() {
					break
				}
				if holds := constant.Compare(z, op, c.Value); holds != (f.k == isTrue) {
					return nil, false
				}
				continue
			}
			if fromParams(y, p.Parent(), 6) {
				continue
			}
		}
		out = append(out, f)
	}
	return out, true
}

// zeroOf returns the zero value of a basic type as a constant, or nil.
func zeroOf(t types.Type) constant.Value {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return nil
	}
	switch {
	case b.Info()&types.IsString != 0:
		return constant.MakeString("")
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	}
	return nil
}

// fromParams reports whether v is computed from fn's parameters and
// constants alone, without loads or calls: a range over a parameter's
// values, an entry of one, an operation on them.
func fromParams(v ssa.Value, fn *ssa.Function, depth int) bool {
	if depth == 0 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent() == fn
	case *ssa.Const:
		return true
	case *ssa.Extract:
		return fromParams(v.Tuple, fn, depth-1)
	case *ssa.Next:
		return fromParams(v.Iter, fn, depth-1)
	case *ssa.Range:
		return fromParams(v.X, fn, depth-1)
	case *ssa.Lookup:
		return fromParams(v.X, fn, depth-1) && fromParams(v.Index, fn, depth-1)
	case *ssa.BinOp:
		return fromParams(v.X, fn, depth-1) && fromParams(v.Y, fn, depth-1)
	case *ssa.UnOp:
		return v.Op != token.MUL && v.Op != token.ARROW && fromParams(v.X, fn, depth-1)
	case *ssa.ChangeType:
		return fromParams(v.X, fn, depth-1)
	case *ssa.Field:
		return fromParams(v.X, fn, depth-1)
	}
	return false
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
