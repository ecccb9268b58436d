package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file holds the rules that silence a sink because whatever receives
// the map-ordered value is known not to depend on its order. Each rule came
// from a false positive on real code (passes/iterorder/corpus-review.md).

const (
	targetGroupType = "github.com/prometheus/prometheus/discovery/targetgroup.Group"
	labelSetType    = "github.com/prometheus/common/model.LabelSet"
	targetGroupPkg  = "github.com/prometheus/prometheus/discovery/targetgroup"
)

// orderFreeType reports whether a value of type t is handed to a consumer
// that does not depend on the order of its elements:
//
//   - Prometheus service-discovery target groups (targetgroup.Group, a
//     slice of them, or their targets: a []model.LabelSet in a package that
//     uses target groups). The discovery manager keys groups by their
//     Source, and the scrape pool keys targets by the hash of their labels,
//     so the order in which a discoverer sends or returns them never
//     reaches a result.
//   - References to variables of a basic type ([]*string, as in
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
	for t != nil {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Chan:
			t = u.Elem()
			continue
		}
		if name := recvNamed(t); name != "" {
			switch name {
			case targetGroupType:
				return true
			case labelSetType:
				return c.importsPkg(targetGroupPkg)
			}
		}
		sl, ok := t.Underlying().(*types.Slice)
		if !ok {
			return false
		}
		t = sl.Elem()
	}
	return false
}

// importsPkg reports whether the package being analysed imports path.
func (c *checker) importsPkg(path string) bool {
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// isTestSupport reports whether the package is a test helper package (a
// path element testutil or testutils): like a test file, its output is a
// fixture whose order the tests that use it do not depend on.
func (c *checker) isTestSupport() bool {
	for _, elem := range strings.Split(c.pass.Pkg.Path(), "/") {
		switch elem {
		case "testutil", "testutils":
			return true
		}
	}
	return false
}

// isInternal reports whether the package is an internal package of its
// module: its exported functions are called only by the module's own code.
func (c *checker) isInternal() bool {
	p := c.pass.Pkg.Path()
	return p == "internal" || strings.HasPrefix(p, "internal/") ||
		strings.HasSuffix(p, "/internal") || strings.Contains(p, "/internal/")
}

// usesRandom reports whether body uses a source of random numbers
// (math/rand, math/rand/v2, crypto/rand, or any package whose name ends in
// rand, such as go-ethereum's testrand): its output differs from run to
// run by design, and map order adds nothing to that.
func (c *checker) usesRandom(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		pn, ok := c.info.Uses[identOf(sel.X)].(*types.PkgName)
		if !ok {
			return true
		}
		switch path := pn.Imported().Path(); {
		case path == "math/rand", path == "math/rand/v2", path == "crypto/rand":
			found = true
		case strings.HasSuffix(pn.Imported().Name(), "rand"):
			found = true
		}
		return true
	})
	return found
}

// isHeaderMap reports whether t is a map of header fields (http.Header,
// textproto.MIMEHeader, url.Values, gRPC metadata.MD): a multimap whose
// fields have no order in their protocol, so writing them out in map order
// is a matter of bytes, not of meaning.
func isHeaderMap(t types.Type) bool {
	switch recvNamed(t) {
	case "net/http.Header", "net/textproto.MIMEHeader", "net/url.Values",
		"google.golang.org/grpc/metadata.MD":
		return true
	}
	return false
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
// sortedTypes).
func (c *checker) sortedDownstream(t types.Type) bool {
	tn := namedOf(t)
	if tn == nil || !c.sortedTypes()[tn] {
		return false
	}
	return hasMethod(t, "Less", func(sig *types.Signature) bool { return sig.Params().Len() == 2 }) &&
		hasMethod(t, "Swap", func(sig *types.Signature) bool { return sig.Params().Len() == 2 }) &&
		hasMethod(t, "Len", func(sig *types.Signature) bool { return sig.Params().Len() == 0 })
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
