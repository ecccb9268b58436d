package iterorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// addressBefore reports whether the function writes a pointer's address
// to the local writer obj (a %p verb in the constant format of a Format
// row of internal/apis: fmt.Fprintf(&b, "scope %p {", s)) in a statement
// of its body's top level before the loop. Every text the loop adds to obj
// then follows an address, which differs from run to run: sorting the loop
// would not make the text reproducible, so its order is no finding
// (cue's debugging scope.String). A function with a goto is left alone:
// the jump may skip the statement. The rule takes the address to be of a
// live object: a nil pointer prints 0x0 every time, and a text built after
// %p of one would still show the loop's order.
func (s *scan) addressBefore(obj types.Object) bool {
	body := s.fn.body
	if body == nil || s.loop == nil || hasGotoIn(body) {
		return false
	}
	for _, st := range body.List {
		if st.End() > s.loop.Pos() {
			return false
		}
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := ast.Unparen(es.X).(*ast.CallExpr)
		if !ok || !s.printsAddress(call) {
			continue
		}
		sc := s.c.classifySink(call)
		if sc.kind != writeSink || sc.target == nil {
			continue
		}
		if o, _ := s.root(stripAddr(sc.target)); o == obj {
			return true
		}
	}
	return false
}

// printsAddress reports whether call formats an operand with %p: its
// callee has a Format row and the format is a constant with that verb.
func (s *scan) printsAddress(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(s.c.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	r, ok := apis.Find(fn.Origin(), apis.Format)
	if !ok || r.Arg >= len(call.Args) {
		return false
	}
	tv := s.c.info.Types[call.Args[r.Arg]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	verbs, ok := apis.FormatVerbs(constant.StringVal(tv.Value))
	return ok && slices.Contains(verbs, 'p')
}

// hasGotoIn reports whether body, outside its function literals (whose
// labels are their own), has a goto statement.
func hasGotoIn(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO
		}
		return !found
	})
	return found
}
