package nilmerge

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file holds the path facts about integers being zero or not, so that
// two tests of one integer are correlated even when they are different
// comparisons. centrifugal/centrifuge's fuzz test (v0.40.1) makes a map
// when any bit of a mask is set and writes it under single-bit tests:
//
//	if dec.subs != 0 { reply.Subscriptions = map[string]SubscribeOptions{} }
//	if dec.subs&1 != 0 { reply.Subscriptions[s0] = ... }
//
// The nil path goes through dec.subs == 0 (zero) and dec.subs&1 != 0, which
// makes dec.subs&1 and so dec.subs non-zero: a contradiction. Only what a
// comparison implies is derived; a non-zero mask says nothing of its bits.

// maxZeroDepth bounds how far a fact reaches into nested operations.
const maxZeroDepth = 4

// zeroFacts returns what x op k, known to hold, says about the integer x
// being zero, and what that says about the operands x is computed from.
func zeroFacts(x ssa.Value, op token.Token, k *ssa.Const) []fact {
	if k.Value == nil || k.Value.Kind() != constant.Int || !isInteger(x.Type()) {
		return nil
	}
	switch {
	case op == token.EQL && constant.Sign(k.Value) == 0,
		isUnsigned(x.Type()) && (op == token.LEQ && constant.Sign(k.Value) == 0 || op == token.LSS && isOne(k.Value)):
		return zeroOperands(x, nil, maxZeroDepth)
	case excludesZero(op, k):
		// x != 0, x == 3, x > 0, x >= 1, x < 0: false for x == 0.
		return nonZeroOperands(x, nil, maxZeroDepth)
	}
	return nil
}

// nonZeroOperands adds to out that v is not zero, and what follows for the
// operands of v: a&b != 0 needs both a and b non-zero, as does a*b; a&^b,
// a<<n and a>>n need a non-zero; a conversion between integers keeps zero
// zero, so a non-zero result needs a non-zero operand.
func nonZeroOperands(v ssa.Value, out []fact, depth int) []fact {
	out = append(out, fact{v, nonZero})
	if depth == 0 {
		return out
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		switch v.Op {
		case token.AND, token.MUL:
			out = nonZeroOperands(v.X, out, depth-1)
			return nonZeroOperands(v.Y, out, depth-1)
		case token.AND_NOT, token.SHL, token.SHR:
			return nonZeroOperands(v.X, out, depth-1)
		}
	case *ssa.Convert:
		if isInteger(v.X.Type()) {
			return nonZeroOperands(v.X, out, depth-1)
		}
	case *ssa.ChangeType:
		return nonZeroOperands(v.X, out, depth-1)
	}
	return out
}

// zeroOperands adds to out that v is zero, and what follows for the
// operands of v: a|b == 0 needs both a and b zero.
func zeroOperands(v ssa.Value, out []fact, depth int) []fact {
	out = append(out, fact{v, isZero})
	if depth == 0 {
		return out
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		if v.Op == token.OR {
			out = zeroOperands(v.X, out, depth-1)
			return zeroOperands(v.Y, out, depth-1)
		}
	case *ssa.ChangeType:
		return zeroOperands(v.X, out, depth-1)
	}
	return out
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isUnsigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

func isOne(c constant.Value) bool {
	return constant.Compare(c, token.EQL, constant.MakeInt64(1))
}
