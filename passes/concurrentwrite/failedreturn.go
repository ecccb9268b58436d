package concurrentwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/orderflow"
)

// failedReturn reports whether ret returns, as its function's last result
// of type error, an error known not to be nil (see nonNilError): the
// function has failed there.
func (ck *checker) failedReturn(ret *ssa.Return) bool {
	n := len(ret.Results)
	if n == 0 || !types.Identical(ret.Results[n-1].Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	return ck.nonNilError(ret.Block(), ret.Results[n-1], 0)
}

// nonNilError reports whether the error v, used in the block b, is never
// nil there: checked non-nil on the way (if err != nil { return err }); a
// concrete value made an interface (return &Error{}); the error of a call
// with a NonNilError row (errors.New, fmt.Errorf); a package variable that
// the package only ever sets to such an error (var errNoNodes =
// errors.New(…); another package assigning nil to an exported one is not
// considered); or a phi of such errors.
func (ck *checker) nonNilError(b *ssa.BasicBlock, v ssa.Value, depth int) bool {
	if orderflow.CheckedNonNil(b, v) {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.ChangeInterface:
		return ck.nonNilError(b, x.X, depth)
	case *ssa.Call:
		_, ok := apis.Of(&x.Call, apis.NonNilError)
		return ok
	case *ssa.Phi:
		if depth > 4 {
			return false
		}
		for i, e := range x.Edges {
			if !ck.nonNilError(x.Block().Preds[i], e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		return ok && x.Op == token.MUL && depth == 0 && ck.setNonNil(g)
	}
	return false
}

// setNonNil reports whether every store of the package into the package
// variable g (its initializer's included) stores a non-nil error, there
// is one, and the package only loads g otherwise.
func (ck *checker) setNonNil(g *ssa.Global) bool {
	s, _ := ck.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	if s == nil || g.Pkg != s.Pkg {
		return false
	}
	fns := ck.fns
	if init := s.Pkg.Func("init"); init != nil {
		fns = append(fns[:len(fns):len(fns)], init)
	}
	stores := 0
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if st, ok := in.(*ssa.Store); ok && st.Addr == g {
					if !ck.nonNilError(b, st.Val, 1) {
						return false
					}
					stores++
				} else if escapes(in, g) {
					return false // its address taken: set elsewhere
				}
			}
		}
	}
	return stores > 0
}

// escapes reports whether in uses the address of g otherwise than to load
// the variable.
func escapes(in ssa.Instruction, g *ssa.Global) bool {
	if u, ok := in.(*ssa.UnOp); ok && u.Op == token.MUL {
		return false
	}
	for _, op := range in.Operands(nil) {
		if *op == g {
			return true
		}
	}
	return false
}
