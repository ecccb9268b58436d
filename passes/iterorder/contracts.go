package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/guards"
)

// This file holds the rules that silence a sink because whatever receives
// the map-ordered value is known not to depend on its order. Each rule came
// from a false positive on real code (passes/iterorder/corpus-review.md).

// orderFreeType reports whether a value of type t is handed to a consumer
// that does not depend on the order of its elements:
//
//   - a type named in Config.OrderFree (Prometheus's target groups: the
//     discovery manager keys groups by their Source), or a pointer, slice
//     or channel of one;
//   - references to variables of a basic type ([]*string, as in
//     clientcmd's GetConfigFileReferences): a list of locations to update
//     in place, one by one.
func (c *checker) orderFreeType(t types.Type) bool {
	if t == nil {
		return false
	}
	if sl, ok := t.Underlying().(*types.Slice); ok {
		if p, ok := sl.Elem().(*types.Pointer); ok {
			if _, ok := p.Elem().(*types.Basic); ok {
				return true
			}
		}
	}
	if len(c.orderFree) == 0 {
		return false
	}
	for t != nil {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Chan:
			t = u.Elem()
			continue
		}
		if name := recvNamed(t); name != "" && c.orderFree[name] {
			return true
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			t = u.Elem()
		case *types.Chan:
			t = u.Elem()
		default:
			return false
		}
	}
	return false
}

// orderFreeFunc reports whether fn consumes its arguments in any order: a
// function or method named in Config.OrderFree, or an OrderFree row of
// internal/apis.
func (c *checker) orderFreeFunc(fn *types.Func) bool {
	fn = fn.Origin()
	if _, ok := apis.Find(fn, apis.OrderFree); ok {
		return true
	}
	if len(c.orderFree) == 0 || fn.Pkg() == nil {
		return false
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
		tn := namedOf(sig.Recv().Type())
		if tn == nil {
			return false
		}
		name = fn.Pkg().Path() + "." + tn.Name() + "." + fn.Name()
	}
	return c.orderFree[name]
}

// orderFreeField reports whether e selects a struct field whose contents
// are consumed in any order (an OrderFreeField row of internal/apis:
// exec.Cmd's Env, a process environment looked up by name).
func (c *checker) orderFreeField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	// The struct that declares the field: the operand's type, or, for a
	// promoted field, the embedded type the path leads to.
	owner := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		st := apis.StructOf(owner)
		if st == nil || i >= st.NumFields() {
			return false
		}
		owner = st.Field(i).Type()
	}
	return c.orderFreeFieldOf(owner, s.Obj().(*types.Var))
}

// orderFreeFieldOf reports whether field of the struct type owner (a
// pointer or not) has an OrderFreeField row.
func (c *checker) orderFreeFieldOf(owner types.Type, field *types.Var) bool {
	_, ok := apis.FindField(owner, field, apis.OrderFreeField)
	return ok
}

// isInternal reports whether the package is an internal package of its
// module: its exported functions are called only by the module's own code.
func (c *checker) isInternal() bool {
	return guards.InternalPackage(c.pass.Pkg.Path())
}

// sortedTypes returns the named types that the package sorts somewhere
// (sort.Sort(mat) with mat of type Matrix, slices.SortFunc(v, ...) with v
// of type Vector): values of those types are put in order by the package
// before they are used, so returning one unsorted hands it to code that
// sorts it. It is computed once per run.
func (c *checker) sortedTypes() map[*types.TypeName]bool {
	if c.sorted != nil {
		return c.sorted
	}
	c.sorted = make(map[*types.TypeName]bool)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			x, ok := c.isSortCall(call)
			if !ok {
				return true
			}
			for _, e := range []ast.Expr{x, stripConv(c.info, x)} {
				if tn := namedOf(c.info.TypeOf(e)); tn != nil {
					c.sorted[tn] = true
				}
			}
			return true
		})
	}
	return c.sorted
}

// sortedDownstream reports whether a value of type t is of a named type
// that implements sort.Interface and that the package sorts (see
// sortedTypes), or of a slice type whose sort the package offers (see
// sortOffered).
func (c *checker) sortedDownstream(t types.Type) bool {
	if c.sortOffered(t) {
		return true
	}
	tn := namedOf(t)
	return tn != nil && c.sortedTypes()[tn] && isSortInterface(t)
}

func isSortInterface(t types.Type) bool {
	return hasMethod(t, "Less", func(sig *types.Signature) bool { return sig.Params().Len() == 2 }) &&
		hasMethod(t, "Swap", func(sig *types.Signature) bool { return sig.Params().Len() == 2 }) &&
		hasMethod(t, "Len", func(sig *types.Signature) bool { return sig.Params().Len() == 0 })
}

// sortOffered reports whether the package hands its callers the order of a
// slice of type t along with the slice: it exports a type that implements
// sort.Interface over the same slice type (rbac.SortableRuleSlice for the
// []PolicyRule that CompactRules returns), or a function that sorts a
// parameter of type t (search.SortScore for the []*Result of Index.All).
// The list comes unsorted by design, and callers sort it with the
// package's own order (helm and kubectl do). Only for slices of a named,
// non-basic element type: a sortable []string says nothing of every
// []string the package returns.
func (c *checker) sortOffered(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	elem := sl.Elem()
	if p, ok := elem.(*types.Pointer); ok {
		elem = p.Elem()
	}
	if _, named := types.Unalias(elem).(*types.Named); !named {
		return false
	}
	if _, basic := elem.Underlying().(*types.Basic); basic {
		return false
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName:
			if obj.Exported() && !obj.IsAlias() && types.Identical(obj.Type().Underlying(), sl) && isSortInterface(obj.Type()) {
				return true
			}
		case *types.Func:
			if !obj.Exported() {
				continue
			}
			sig := obj.Type().(*types.Signature)
			if i, ok := c.sorterParam(obj); ok && i >= 0 && i < sig.Params().Len() && types.Identical(sig.Params().At(i).Type(), t) {
				return true
			}
		}
	}
	return false
}

// namedOf returns the type name of the named type t or *t, or nil.
func namedOf(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj() // for an instance, the name of its origin
	}
	return nil
}

// workerPool reports whether ch, a channel variable local to fn, is
// received from by goroutines started in a loop of fn (a pool of workers):
// they handle the values concurrently, so the order of the sends is not
// the order of the work.
func (c *checker) workerPool(fn *funcInfo, ch ast.Expr) bool {
	id := identOf(ch)
	if id == nil || fn == nil || fn.body == nil {
		return false
	}
	obj := c.info.Uses[id]
	if obj == nil {
		return false
	}
	found := false
	var inLoop func(n ast.Node, loops int)
	inLoop = func(n ast.Node, loops int) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.ForStmt:
				inLoop(n.Body, loops+1)
				return false
			case *ast.RangeStmt:
				inLoop(n.Body, loops+1)
				return false
			case *ast.GoStmt:
				if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && loops > 0 && c.receivesFrom(lit.Body, obj) {
					found = true
				}
				return false
			}
			return true
		})
	}
	inLoop(fn.body, 0)
	return found
}

// receivesFrom reports whether body receives from the channel variable obj
// (<-ch, or range ch).
func (c *checker) receivesFrom(body ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && c.info.Uses[identOf(n.X)] == obj {
				found = true
			}
		case *ast.RangeStmt:
			if c.info.Uses[identOf(n.X)] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// implementsError reports whether t or *t implements error.
func implementsError(t types.Type) bool {
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	return types.Implements(t, errType) || !types.IsInterface(t) && types.Implements(types.NewPointer(t), errType)
}
