package mapid

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// unreadOperands returns the positions of the variadic operands of a call
// to fn that its constant format string prints without walking them: %p
// prints an address, %T a type. It returns nil (all operands read) when fn
// has no format (a Format row of the API table), the format is not a
// constant, or it uses explicit argument indexes.
func unreadOperands(call *ssa.CallCommon, fn *types.Func) map[int]bool {
	r, ok := apis.Find(fn, apis.Format)
	if !ok {
		return nil
	}
	c, ok := apis.Arg(call, r.Arg).(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return nil
	}
	verbs, ok := apis.FormatVerbs(constant.StringVal(c.Value))
	if !ok {
		return nil
	}
	var out map[int]bool
	for i, v := range verbs {
		if v == 'p' || v == 'T' {
			if out == nil {
				out = make(map[int]bool)
			}
			out[i] = true
		}
	}
	return out
}

// constIndex returns the value of a constant slice index.
func constIndex(v ssa.Value) (int, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	i, ok := constant.Int64Val(c.Value)
	return int(i), ok
}

// describingVerb returns whether operand i of a call to fn is printed with
// a verb that lets a value describe itself (String for %v, %s, %q, %x, %X):
// every operand for a function without a format (Println, json.Marshal);
// for a format that is not a constant or uses argument indexes, none.
func describingVerb(call *ssa.CallCommon, fn *types.Func) func(int) bool {
	r, ok := apis.Find(fn, apis.Format)
	if !ok {
		return func(int) bool { return true }
	}
	c, ok := apis.Arg(call, r.Arg).(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return func(int) bool { return false }
	}
	verbs, ok := apis.FormatVerbs(constant.StringVal(c.Value))
	if !ok {
		return func(int) bool { return false }
	}
	return func(i int) bool { return i < len(verbs) && strings.ContainsRune("vsqxX", rune(verbs[i])) }
}
