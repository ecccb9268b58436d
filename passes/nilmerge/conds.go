package nilmerge

import (
	"fmt"
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// A paramCond is a condition on a parameter of a function, under which a
// nil reaches a write or a return: "p is nil", "on is false", "name == """.
// At a call it becomes a fact about the argument, so that
//
//	func defaults(service string) map[string]string {
//		if service == "" {
//			return nil
//		}
//		...
//	}
//
// is taken to return nil for defaults(s) with an unknown s, but not for
// defaults("api"), nor after the caller's own check that s != "".
type paramCond struct {
	param int      // index in fn.Params (the receiver first)
	k     factKind // about the parameter, or about "param op c" when op is set
	op    token.Token
	c     constant.Value
}

func (c paramCond) String() string {
	if c.op == token.ILLEGAL {
		return fmt.Sprintf("p%d %s", c.param, kindNames[c.k])
	}
	return fmt.Sprintf("p%d%s%s %s", c.param, c.op, c.c.ExactString(), kindNames[c.k])
}

var kindNames = [...]string{isTrue: "true", isFalse: "false", nonNil: "nonnil", isNil: "nil", nonEmpty: "nonempty", isEmpty: "empty", isZero: "zero", nonZero: "nonzero"}

// paramConds returns the conditions on fn's parameters among facts. It
// reports false when a fact depends on a parameter in a way that cannot be
// carried to a call (a field of the receiver, a call with it as argument):
// the caller may know what the condition does not tell. Facts that do not
// depend on the parameters at all are left out when internal is set (the
// function decides them itself), and make paramConds fail otherwise.
func paramConds(facts []fact, fn *ssa.Function, internal bool) ([]paramCond, bool) {
	var out []paramCond
	index := func(v ssa.Value) int {
		for i, p := range fn.Params {
			if p == v {
				return i
			}
		}
		return -1
	}
	for _, f := range facts {
		if f.k == isZero || f.k == nonZero {
			// Derived from a comparison that is among the facts too
			// (zero.go), which is carried instead.
			continue
		}
		if !dependsOnParam(f.v, 8, make(map[ssa.Value]bool)) {
			if internal || isPure(f.v) {
				continue
			}
			return nil, false
		}
		if i := index(f.v); i >= 0 {
			out = append(out, paramCond{param: i, k: f.k})
			continue
		}
		if bin, ok := f.v.(*ssa.BinOp); ok && isComparison(bin.Op) {
			x, y, op := bin.X, bin.Y, bin.Op
			if _, ok := x.(*ssa.Const); ok {
				x, y, op = y, x, apis.Mirror(op)
			}
			c, ok := y.(*ssa.Const)
			if i := index(x); i >= 0 && ok && c.Value != nil && carried(c.Value) {
				out = append(out, paramCond{param: i, k: f.k, op: op, c: c.Value})
				continue
			}
		}
		if redundant(f.v, fn) {
			continue
		}
		return nil, false
	}
	return out, true
}

func isComparison(op token.Token) bool {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return true
	}
	return false
}

// carried reports whether a constant of c's kind is carried by facts.
func carried(c constant.Value) bool {
	switch c.Kind() {
	case constant.String, constant.Int, constant.Bool:
		return true
	}
	return false
}

// condFacts turns conditions on parameters into facts about the arguments
// of a call. A comparison becomes a detached BinOp on the argument, which
// sameValue matches against the caller's own comparisons.
func condFacts(conds []paramCond, args []ssa.Value) []fact {
	var out []fact
	for _, c := range conds {
		arg := args[c.param]
		if c.op == token.ILLEGAL {
			out = append(out, fact{arg, c.k})
			continue
		}
		out = append(out, fact{&ssa.BinOp{Op: c.op, X: arg, Y: ssa.NewConst(c.c, arg.Type())}, c.k})
	}
	return out
}

// satisfiable reports whether the conditions can hold at a call with
// arguments args under facts: they must not contradict the caller's facts,
// and a condition that an argument is nil or empty needs evidence that it
// may be (an unknown argument is taken to be non-nil, as everywhere).
func (a *checker) satisfiable(conds []paramCond, args []ssa.Value, facts []fact, st *searchState) bool {
	for _, c := range conds {
		if c.param >= len(args) {
			return false
		}
	}
	cf := append(append([]fact(nil), facts...), condFacts(conds, args)...)
	if !consistent(cf) {
		return false
	}
	for _, c := range conds {
		if c.op == token.ILLEGAL && (c.k == isNil || c.k == isEmpty) {
			if o, _ := a.search(args[c.param], cf, st); o == nil {
				return false
			}
		}
	}
	return true
}

func condsString(conds []paramCond) string {
	var parts []string
	for _, c := range conds {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, " && ")
}
