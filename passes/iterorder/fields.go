package iterorder

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/maplint/maplint/internal/apis"
)

// Fields of a struct that holds map order.
//
// After the loop (orderMode), a list stored into one field of a local
// struct (meta := T{Links: t.Links()}, meta.Links = keys) makes the struct
// carry the order, but only in that field. The scan remembers the field
// (scan.fieldOf, and scan.callField for the result of a call), so that a
// helper known to show only another field of its parameter (ParamSink.Field)
// is not blamed: go-ethereum's cmd/devp2p keeps Tree.Links() and
// Tree.Nodes() in two fields of one definition, marshals the first to a
// file and sorts the second before it writes it.

// heldIn returns the one field of the struct value e in which its map order
// lies, or nil when it is not known (the whole value, or several fields).
func (s *scan) heldIn(e ast.Expr) *types.Var {
	switch x := ast.Unparen(stripAddr(e)).(type) {
	case *ast.Ident:
		return s.fieldOf[s.c.info.Uses[x]]
	case *ast.CallExpr:
		return s.callField[x]
	case *ast.CompositeLit:
		st, _ := typeOf(s.c.info, x).Underlying().(*types.Struct)
		if st == nil {
			return nil
		}
		var field *types.Var
		for i, el := range x.Elts {
			f, v := litField(s.c.info, st, i, el)
			if !s.taintedExpr(v) {
				continue
			}
			if field != nil || f == nil {
				return nil
			}
			field = f
		}
		return field
	}
	return nil
}

// litField returns the field that the i-th element el of a literal of
// the struct type st sets (nil when unknown) and the value it sets.
func litField(info *types.Info, st *types.Struct, i int, el ast.Expr) (*types.Var, ast.Expr) {
	if kv, ok := el.(*ast.KeyValueExpr); ok {
		f, _ := info.Uses[identOf(kv.Key)].(*types.Var)
		return f, kv.Value
	}
	if i < st.NumFields() {
		return st.Field(i), el
	}
	return nil, el
}

// noteField records, for the local variable obj assigned the tainted value
// rhs through lhs, the field that holds the order: the field rhs holds it
// in when obj is assigned whole, the field assigned when obj was not
// carrying order before (info.Links = keys); otherwise none.
func (s *scan) noteField(obj types.Object, lhs, rhs ast.Expr, direct, before bool) {
	var f *types.Var
	seq := false
	if direct {
		f = s.heldIn(rhs)
		seq = s.seqHeld(rhs)
	} else if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && !before && s.c.info.Uses[identOf(sel.X)] == obj {
		f, _ = s.c.info.Uses[sel.Sel].(*types.Var)
		seq = s.isSeqValue(rhs)
	}
	if f == nil || !f.IsField() {
		delete(s.fieldOf, obj)
		delete(s.seqField, obj)
		return
	}
	s.fieldOf[obj] = f
	s.seqField[obj] = seq
}

// seqHeld reports whether the field of the struct value e that holds its
// map order (heldIn) is itself the ordered sequence, rather than a list of
// values that hold one each: sorting that field then removes the order.
func (s *scan) seqHeld(e ast.Expr) bool {
	switch x := ast.Unparen(stripAddr(e)).(type) {
	case *ast.Ident:
		return s.seqField[s.c.info.Uses[x]]
	case *ast.CallExpr:
		return s.callField[x] != nil // a field named by OrderedResultFact holds the list
	case *ast.CompositeLit:
		st, _ := typeOf(s.c.info, x).Underlying().(*types.Struct)
		if st == nil {
			return false
		}
		for i, el := range x.Elts {
			if f, v := litField(s.c.info, st, i, el); f != nil && s.taintedExpr(v) {
				return s.isSeqValue(v)
			}
		}
	}
	return false
}

// isSeqValue reports whether the order-carrying value v, stored in a
// field, is the ordered sequence itself (keys, lib.Names(m), append(x.F,
// keys...)) rather than a list whose elements hold one (append(app.Policies,
// internal), []*policy{internal}).
func (s *scan) isSeqValue(v ast.Expr) bool {
	switch x := ast.Unparen(v).(type) {
	case *ast.CompositeLit:
		return false
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := s.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" && !x.Ellipsis.IsValid() {
				for _, a := range x.Args[1:] {
					if s.taintedExpr(a) {
						return false
					}
				}
			}
		}
	}
	return true
}

// onlyField returns 1 + the index of the one field of the struct parameter
// p that body uses (every use of p is p.F or &p.F for the same F), or 0.
func onlyField(info *types.Info, body *ast.BlockStmt, p *types.Var) int {
	if body == nil {
		return 0
	}
	var field *types.Var
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if info.Uses[identOf(n.X)] == p {
				f, _ := info.Uses[n.Sel].(*types.Var)
				if f == nil || !f.IsField() || field != nil && field != f {
					ok = false
				}
				field = f
				return false
			}
		case *ast.Ident:
			if info.Uses[n] == p {
				ok = false
			}
		}
		return true
	})
	if !ok || field == nil {
		return 0
	}
	return apis.FieldIndex(p.Type(), field) + 1
}

// otherField reports whether sel selects a field of a struct whose map
// order is known to lie in another one (orderMode): r.Title of r :=
// lib.Build(m), whose order is in r.Names, carries none.
func (s *scan) otherField(sel *ast.SelectorExpr) bool {
	if s.mode != orderMode {
		return false
	}
	held := s.heldIn(sel.X)
	if held == nil {
		return false
	}
	selection := s.c.info.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return false // a method (r.String()) sees the whole value
	}
	// A held field that is not one of the struct's (shownAt's marker)
	// means only the value used whole shows the order.
	i := apis.FieldIndex(typeOf(s.c.info, sel.X), held)
	return i < 0 || selection.Index()[0] != i
}

// directField returns F when e is obj.F, a field of the variable obj
// itself, or nil.
func directField(info *types.Info, e ast.Expr, obj types.Object) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || info.Uses[identOf(sel.X)] != obj {
		return nil
	}
	f, _ := info.Uses[sel.Sel].(*types.Var)
	if f == nil || !f.IsField() {
		return nil
	}
	return f
}

// A fieldAlias is a field path of a local variable that was assigned,
// after the loop, the ordered sequence itself: a tainted slice variable
// (hs.kvs = kvs: both share one backing array, so sorting the field sorts
// the variable), or an append onto the path (srv.Logs.SkipHosts =
// append(srv.Logs.SkipHosts, hosts...), as caddy's httpcaddyfile does
// with the hosts of each site block before it sorts SkipHosts). Sorting
// the path sorts what it holds.
type fieldAlias struct {
	holder types.Object // the local variable: hs, srv
	field  string       // the path as written: hs.kvs, srv.Logs.SkipHosts
	src    types.Object // the slice variable that shares the array, or nil
}

// noteAlias records lhs = rhs, which taints obj (before: obj carried
// order already), as a fieldAlias when lhs is a path of fields of obj and
// rhs the ordered sequence itself (isSeqValue), in orderMode. Otherwise
// obj holds order in a way that sorting one path does not clear (the
// whole value, an element, a list of values that hold one each), and is
// marked so in scan.mixed.
func (s *scan) noteAlias(obj types.Object, lhs, rhs ast.Expr, direct, before bool) {
	if s.mode != orderMode {
		return
	}
	if direct || rhs == nil || !s.fieldPath(lhs, obj) || !s.isSeqValue(rhs) || before && !s.hasAlias(obj) {
		s.mixed[obj] = true
		return
	}
	var src types.Object
	if id, ok := ast.Unparen(rhs).(*ast.Ident); ok && s.tainted[s.c.info.Uses[id]] && isSlice(typeOf(s.c.info, rhs)) {
		src = s.c.info.Uses[id]
	}
	s.aliases = append(s.aliases, fieldAlias{holder: obj, field: types.ExprString(lhs), src: src})
}

// fieldPath reports whether e is a path of fields from the variable obj
// (obj.F, obj.F.G, through pointers), with no index or call on the way.
func (s *scan) fieldPath(e ast.Expr, obj types.Object) bool {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if selection := s.c.info.Selections[sel]; selection == nil || selection.Kind() != types.FieldVal {
			return false
		}
		if s.c.info.Uses[identOf(sel.X)] == obj {
			return true
		}
		e = sel.X
	}
}

// hasAlias reports whether some path of obj is a fieldAlias.
func (s *scan) hasAlias(obj types.Object) bool {
	for _, a := range s.aliases {
		if a.holder == obj {
			return true
		}
	}
	return false
}

// sortsAlias reports whether sorting sx sorts a fieldAlias (sort hs.kvs
// after hs.kvs = kvs), and clears the order of the slice variable that
// shares its array, and the holder's when no other path of it, and no
// other part, carries order.
func (s *scan) sortsAlias(sx ast.Expr) bool {
	name := types.ExprString(sx)
	i := slices.IndexFunc(s.aliases, func(a fieldAlias) bool { return a.field == name })
	if i < 0 {
		return false
	}
	a := s.aliases[i]
	s.aliases = slices.DeleteFunc(s.aliases, func(b fieldAlias) bool { return b.holder == a.holder && b.field == name })
	if a.src != nil {
		delete(s.tainted, a.src)
	}
	if !s.mixed[a.holder] && !s.hasAlias(a.holder) {
		delete(s.tainted, a.holder)
	}
	return true
}
