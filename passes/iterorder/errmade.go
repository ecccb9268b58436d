package iterorder

import (
	"go/ast"
	"go/types"
)

// errorMadeOf reports whether fn, a function of the package, makes the
// error it returns out of a parameter that can hold a sequence: a return
// whose error result is derived from the parameter, followed as after a
// loop (mergeNamed's fmt.Errorf("no id, first is %s", toMerge[0]) names
// the list's first element; fmt.Errorf("%d schemas", len(toMerge)) does
// not, nor does an error from a call the list was only given to). The
// error of a call of such a function carries the order of a list it is
// given, as an error made by an errors.New or fmt.Errorf row does.
func (c *checker) errorMadeOf(fn *types.Func) bool {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	if b, ok := c.errMade[fn]; ok {
		return b
	}
	if c.errMade == nil {
		c.errMade = make(map[*types.Func]bool)
	}
	c.errMade[fn] = false // a recursive call makes nothing of its own
	var fd *ast.FuncDecl
	for _, d := range c.decls {
		if d.obj == fn {
			fd = d.fd
		}
	}
	if fd == nil {
		return false
	}
	fi := c.funcInfoOf(fd)
	errIdx := -1
	for i := range fi.sig.Results().Len() {
		if t := fi.sig.Results().At(i).Type(); types.IsInterface(t) && implementsError(t) {
			errIdx = i
		}
	}
	if errIdx < 0 {
		return false
	}
	for p := range fi.sig.Params().Variables() {
		if !carriesOrder(p.Type()) || implementsError(p.Type()) {
			continue
		}
		// An order scan from the parameter, at the depth bound so that it
		// starts no scan of its own, only to propagate it in source order.
		s := c.newScan(orderMode, fi, fd, maxDepth)
		s.tainted[p] = true
		s.walk(false)
		if s.returnsTainted(errIdx) {
			c.errMade[fn] = true
			return true
		}
	}
	return false
}

// returnsTainted reports whether a return statement of the scan's function
// (not of a closure in it) returns a tainted value as its result idx.
func (s *scan) returnsTainted(idx int) bool {
	found := false
	ast.Inspect(s.fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == s.fn.sig.Results().Len() && s.taintedExpr(n.Results[idx]) {
				found = true
			}
		}
		return !found
	})
	return found
}
