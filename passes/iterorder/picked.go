package iterorder

import (
	"go/ast"
	"go/types"
)

// This file follows, after a map loop, single elements taken from the list
// the loop filled at a constant index (f := failures[0]): a value that
// names one entry, not the order of all of them. An error built from such
// an element and returned on a failure path (every path from the return
// ends the function in a failure, orderflow.Paths.Failing) names which
// entry failed first: the outcome, a failure, is the same in any order,
// as for an error returned from inside the loop (see ret). ogen's
// schemaGen reports the first field that cannot discriminate a sum type's
// variants: it collects them in map order and returns an error naming
// undiscriminableFields[0] when no field can. An error that lists the
// whole list (errors.New(strings.Join(problems, ", "))) still shows its
// order and stays reported.

// notePicked records whether the variable obj, just assigned rhs, holds
// one element of the ordered list only.
func (s *scan) notePicked(obj types.Object, rhs ast.Expr, direct, before bool) {
	if s.mode != orderMode || !direct {
		return
	}
	if !before && rhs != nil && s.pickedOnly(rhs) {
		s.picked[obj] = true
		return
	}
	delete(s.picked, obj) // the list itself, or more than one element
}

// pickedOnly reports whether every part of e that carries the order is an
// element at a constant index of an order-carrying value (list[0],
// list[0].Name) or a variable that holds one (notePicked).
func (s *scan) pickedOnly(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.IndexExpr:
			if tv, isConst := s.c.info.Types[n.Index]; isConst && tv.Value != nil && !isMapIndex(s.c.info, n) {
				return false // one element, whatever n.X holds
			}
		case *ast.Ident:
			if obj := s.c.info.Uses[n]; obj != nil && s.tainted[obj] && !s.picked[obj] {
				ok = false
			}
		case *ast.CallExpr:
			if _, ordered := s.calls[n]; ordered {
				ok = false
			}
		case *ast.FuncLit:
			return false
		}
		return true
	})
	return ok
}

// isMapIndex reports whether ix indexes a map.
func isMapIndex(info *types.Info, ix *ast.IndexExpr) bool {
	t := info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// failureNamesOne reports whether result i of the return r is an error
// made of picked elements only, returned on a failure path.
func (s *scan) failureNamesOne(r *ast.ReturnStmt, i int) bool {
	results := s.fn.sig.Results()
	if i >= len(r.Results) || i >= results.Len() || !implementsError(results.At(i).Type()) {
		return false
	}
	return s.pickedOnly(r.Results[i]) && s.c.paths().Failing(r)
}
