package orderflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// yieldLoop returns the loop whose body is fn, when fn is the yield
// function go/ssa makes of the body of a range over maps.Keys, maps.Values
// or maps.All of a map (the IterKeys, IterValues and IterPairs rows of
// internal/apis): its parameters are the key and value, in map order. It
// carries no variables from one call to the next in phis, so only the
// flows of one iteration (first-wins) are found in it.
func yieldLoop(info *types.Info, fn *ssa.Function) *loop {
	rs, ok := fn.Syntax().(*ast.RangeStmt)
	if !ok || fn.Synthetic == "" || len(fn.Params) == 0 {
		return nil
	}
	call, ok := ast.Unparen(rs.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	callee, _ := typeutil.Callee(info, call).(*types.Func)
	if callee == nil {
		return nil
	}
	_, isSeq := info.TypeOf(call).Underlying().(*types.Signature)
	var role apis.Role
	for _, r := range apis.Rows(callee.Origin()) {
		if r.Arg == 0 && (r.Role == apis.IterKeys || r.Role == apis.IterValues || r.Role == apis.IterPairs) {
			role = r.Role
		}
	}
	if role == 0 || !isSeq || !apis.IsMap(info.TypeOf(call.Args[0])) {
		return nil
	}
	l := &loop{
		pos:     rs.For,
		body:    make(map[*ssa.BasicBlock]bool),
		derived: make(map[ssa.Value]bool),
		guards:  make(map[*ssa.BasicBlock][]edge),
	}
	for _, b := range fn.Blocks {
		l.body[b] = true
	}
	var seeds []ssa.Value
	for _, p := range fn.Params {
		seeds = append(seeds, p)
	}
	if role != apis.IterValues {
		l.key = fn.Params[0]
	}
	l.derive(seeds)
	return l
}
