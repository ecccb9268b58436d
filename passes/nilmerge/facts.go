package nilmerge

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// This file holds the path facts of the search: what the branch conditions
// taken on a path say about SSA values ("m != nil", "len(src) > 0", "ok is
// true"), and whether a set of them can hold at once. A path whose facts
// contradict each other is infeasible, and a nil on it is never reported.
//
// Every approximation here errs towards "consistent is false" (silence):
// sameValue may equate two loads of one location separated by a store, and
// stale facts of a previous loop iteration may be kept; both can only hide a
// nil, never invent one.

type factKind uint8

const (
	isTrue factKind = iota
	isFalse
	nonNil
	isNil
	nonEmpty // len > 0, which implies non-nil
	isEmpty  // len == 0, which nil implies
	isZero   // an integer that is 0 (zero.go)
	nonZero  // an integer that is not 0
)

// A fact is a property of an SSA value on the current path.
type fact struct {
	v ssa.Value
	k factKind
}

// contradicts reports whether a value cannot have both properties.
func contradicts(a, b factKind) bool {
	switch a {
	case isTrue:
		return b == isFalse
	case isFalse:
		return b == isTrue
	case nonNil:
		return b == isNil
	case isNil:
		return b == nonNil || b == nonEmpty
	case nonEmpty:
		return b == isNil || b == isEmpty
	case isEmpty:
		return b == nonEmpty
	case isZero:
		return b == nonZero
	case nonZero:
		return b == isZero
	}
	return false
}

// consistent reports whether the facts can all hold at once, as far as we
// can tell.
func consistent(fs []fact) bool {
	for i, f := range fs {
		if !possible(f) {
			return false
		}
		for _, g := range fs[:i] {
			if contradicts(f.k, g.k) && sameValue(f.v, g.v, 4) {
				return false
			}
		}
	}
	return true
}

// possible reports whether a single fact can hold, given what the value is.
func possible(f fact) bool {
	switch v := f.v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			if v.IsNil() {
				return f.k != nonNil && f.k != nonEmpty
			}
			return true
		}
		if v.Value.Kind() == constant.Bool {
			b := constant.BoolVal(v.Value)
			return !(f.k == isTrue && !b || f.k == isFalse && b)
		}
		if v.Value.Kind() == constant.Int {
			z := constant.Sign(v.Value) == 0
			return !(f.k == isZero && !z || f.k == nonZero && z)
		}
	case *ssa.BinOp:
		// A condition on a constant argument, carried from a callee.
		x, ok1 := v.X.(*ssa.Const)
		y, ok2 := v.Y.(*ssa.Const)
		if ok1 && ok2 && x.Value != nil && y.Value != nil && x.Value.Kind() == y.Value.Kind() && isComparison(v.Op) {
			b := constant.Compare(x.Value, v.Op, y.Value)
			return !(f.k == isTrue && !b || f.k == isFalse && b)
		}
	case *ssa.MakeMap, *ssa.Alloc, *ssa.MakeClosure, *ssa.MakeChan, *ssa.MakeSlice, *ssa.Function:
		return f.k != isNil
	}
	return true
}

// sameValue reports whether a and b denote the same value: the same SSA
// value, loads of the same field or package variable, or the same operation
// on the same operands, or composite literals with the same elements (see
// sameLiteral). Equating two loads ignores stores between them, which
// errs towards silence: it finds contradictions, and a store that makes
// sure of an entry (outerpath.go); niltest.go checks unchanged itself.
func sameValue(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	// A closure's free variable is the value its enclosing function
	// captured for it (the variable's cell, or the value itself).
	if fv, ok := a.(*ssa.FreeVar); ok {
		if x := mapid.Binding(fv); x != nil {
			return sameValue(x, b, depth)
		}
	}
	if fv, ok := b.(*ssa.FreeVar); ok {
		if x := mapid.Binding(fv); x != nil {
			return sameValue(a, x, depth)
		}
	}
	if depth == 0 {
		return false
	}
	depth--
	switch a := a.(type) {
	case *ssa.UnOp:
		b, ok := b.(*ssa.UnOp)
		return ok && a.Op == b.Op && (sameValue(a.X, b.X, depth) || sameLiteral(a, b, depth))
	case *ssa.FieldAddr:
		b, ok := b.(*ssa.FieldAddr)
		return ok && a.Field == b.Field && sameValue(a.X, b.X, depth)
	case *ssa.Field:
		b, ok := b.(*ssa.Field)
		return ok && a.Field == b.Field && sameValue(a.X, b.X, depth)
	case *ssa.Lookup:
		b, ok := b.(*ssa.Lookup)
		return ok && a.CommaOk == b.CommaOk && sameValue(a.X, b.X, depth) && sameValue(a.Index, b.Index, depth)
	case *ssa.BinOp:
		b, ok := b.(*ssa.BinOp)
		return ok && a.Op == b.Op && sameValue(a.X, b.X, depth) && sameValue(a.Y, b.Y, depth)
	case *ssa.ChangeType:
		b, ok := b.(*ssa.ChangeType)
		return ok && sameValue(a.X, b.X, depth)
	case *ssa.Const:
		b, ok := b.(*ssa.Const)
		return ok && a.Value != nil && b.Value != nil && types.Identical(a.Type(), b.Type()) && constant.Compare(a.Value, token.EQL, b.Value)
	case *ssa.Call:
		// Two calls of one function with the same arguments are taken to
		// return the same value (cfg.Enabled() tested twice): wrong only
		// for impure functions, and then it only hides a report.
		b, ok := b.(*ssa.Call)
		if !ok || len(a.Call.Args) != len(b.Call.Args) || a.Call.Method != b.Call.Method {
			return false
		}
		if a.Call.Value != b.Call.Value && !sameValue(a.Call.Value, b.Call.Value, depth) {
			return false
		}
		for i := range a.Call.Args {
			if !sameValue(a.Call.Args[i], b.Call.Args[i], depth) {
				return false
			}
		}
		return true
	}
	return false
}

func isBuiltin(v ssa.Value, name string) bool {
	b, ok := v.(*ssa.Builtin)
	return ok && b.Name() == name
}

// implies returns the facts that hold when cond evaluates to branch.
func implies(cond ssa.Value, branch bool) (out []fact) {
	k := isFalse
	if branch {
		k = isTrue
	}
	out = []fact{{cond, k}}
	defer func() {
		// m[k] read as true, non-nil or non-zero: m has an entry.
		for _, f := range out {
			if l, ok := f.v.(*ssa.Lookup); ok && !l.CommaOk && (f.k == isTrue || f.k == nonNil || f.k == nonZero) {
				out = append(out, fact{l.X, nonEmpty})
			}
		}
	}()
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			out = append(out, implies(c.X, !branch)...)
		}
	case *ssa.BinOp:
		out = append(out, compareFacts(c, branch)...)
	case *ssa.Extract:
		switch t := c.Tuple.(type) {
		case *ssa.Next:
			// The loop body of a range over a map runs only when the map
			// has an entry.
			if c.Index == 0 && branch && !t.IsString {
				if r, ok := t.Iter.(*ssa.Range); ok {
					out = append(out, fact{r.X, nonEmpty})
				}
			}
		case *ssa.Lookup:
			// v, ok := m[k]; ok: m has an entry. That v is non-nil
			// relies on the program never storing nil inner maps,
			// which errs towards silence.
			if c.Index == 1 && branch && t.CommaOk {
				out = append(out, fact{t.X, nonEmpty})
				for _, ref := range *t.Referrers() {
					if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
						out = append(out, fact{e, nonNil})
					}
				}
			}
		}
	}
	return out
}

// compareFacts returns what a comparison of x with a constant says when it
// evaluates to branch: about the map x, its entries or its length
// (mapFacts), and about the integer x being zero (zeroFacts).
func compareFacts(c *ssa.BinOp, branch bool) []fact {
	op, x, y := c.Op, c.X, c.Y
	if k, ok := x.(*ssa.Const); ok {
		x, y = y, k
		op = apis.Mirror(op)
	}
	if !branch {
		op = negate(op)
	}
	k, ok := y.(*ssa.Const)
	if !ok {
		return nil
	}
	return append(zeroFacts(x, op, k), mapFacts(x, op, k)...)
}

// mapFacts returns what x op k says about a map: x itself compared with
// nil, an entry of it or its length compared with a constant.
func mapFacts(x ssa.Value, op token.Token, k *ssa.Const) []fact {
	if k.IsNil() {
		switch op {
		case token.EQL:
			return []fact{{x, isNil}}
		case token.NEQ:
			return []fact{{x, nonNil}}
		}
		return nil
	}
	if l, ok := x.(*ssa.Lookup); ok && !l.CommaOk && excludesZero(op, k) {
		return []fact{{l.X, nonEmpty}}
	}
	call, ok := x.(*ssa.Call)
	if !ok || !isBuiltin(call.Call.Value, "len") || k.Value == nil || k.Value.Kind() != constant.Int {
		return nil
	}
	n, exact := constant.Int64Val(k.Value)
	if !exact {
		return nil
	}
	m := call.Call.Args[0]
	switch {
	case op == token.GTR && n >= 0, op == token.GEQ && n >= 1, op == token.EQL && n >= 1, op == token.NEQ && n == 0:
		return []fact{{m, nonEmpty}}
	case op == token.EQL && n == 0, op == token.LSS && n == 1, op == token.LEQ && n == 0:
		return []fact{{m, isEmpty}}
	}
	return nil
}

func negate(op token.Token) token.Token {
	switch op {
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	case token.LSS:
		return token.GEQ
	case token.GEQ:
		return token.LSS
	case token.GTR:
		return token.LEQ
	case token.LEQ:
		return token.GTR
	}
	return token.ILLEGAL
}

// excludesZero reports whether x op k rules out x being the zero value of
// its type (for numbers, strings and booleans).
func excludesZero(op token.Token, k *ssa.Const) bool {
	if k.Value == nil {
		return op == token.NEQ // x != nil
	}
	zero := constant.MakeInt64(0)
	switch k.Value.Kind() {
	case constant.Int, constant.Float:
	case constant.String:
		zero = constant.MakeString("")
	case constant.Bool:
		zero = constant.MakeBool(false)
	default:
		return false
	}
	switch op {
	case token.EQL:
		return !constant.Compare(k.Value, token.EQL, zero)
	case token.NEQ:
		return constant.Compare(k.Value, token.EQL, zero)
	case token.GTR, token.GEQ, token.LSS, token.LEQ:
		if k.Value.Kind() == constant.Bool {
			return false
		}
		// x op k false for x == zero.
		return !constant.Compare(zero, op, k.Value)
	}
	return false
}
