// Package maploop recognises the range statements that visit a map in its
// randomised iteration order: a range over a map, and a range over an
// iterator of a map (maps.Keys, maps.Values, maps.All: the IterKeys,
// IterValues and IterPairs rows of internal/apis). It is shared by the iterorder
// pass and by the program that counts such loops for the pass's precision
// report, so that both count the same thing.
package maploop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// Kind says how a loop visits its map.
type Kind int

const (
	Native Kind = iota // for k, v := range m
	Keys               // for k := range maps.Keys(m)
	Values             // for v := range maps.Values(m)
	All                // for k, v := range maps.All(m)
)

// A Loop is a range statement that visits a map in iteration order.
type Loop struct {
	Range *ast.RangeStmt
	Kind  Kind
	Map   ast.Expr     // the map expression (m above)
	Key   types.Object // the variable bound to the map's key, or nil
	Value types.Object // the variable bound to the map's value, or nil
}

// Of returns the map loop rs is, or nil if rs does not range over a map in
// map order.
func Of(info *types.Info, rs *ast.RangeStmt) *Loop {
	l := &Loop{Range: rs}
	x := ast.Unparen(rs.X)
	if t := info.TypeOf(x); t != nil {
		if apis.CoreMap(t) != nil {
			l.Kind, l.Map = Native, x
			l.Key, l.Value = object(info, rs, rs.Key), object(info, rs, rs.Value)
			return l
		}
	}
	call, ok := x.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil
	}
	l.Map = ast.Unparen(call.Args[0])
	for _, r := range apis.Rows(fn.Origin()) {
		if r.Arg != 0 {
			continue
		}
		switch r.Role {
		case apis.IterKeys:
			l.Kind, l.Key = Keys, object(info, rs, rs.Key)
			return l
		case apis.IterValues:
			l.Kind, l.Value = Values, object(info, rs, rs.Key)
			return l
		case apis.IterPairs:
			l.Kind = All
			l.Key, l.Value = object(info, rs, rs.Key), object(info, rs, rs.Value)
			return l
		}
	}
	return nil
}

// object returns the variable that e (a range key or value) denotes, or nil
// for a blank or missing one, or one that is not a plain variable.
func object(info *types.Info, rs *ast.RangeStmt, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if rs.Tok == token.DEFINE {
		return info.Defs[id]
	}
	return info.Uses[id]
}
