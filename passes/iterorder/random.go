package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// A RandomFact marks a function whose result is drawn from a source of
// random numbers: it returns what a Random row of internal/apis (math/rand,
// math/rand/v2, crypto/rand) or a function with the fact returns, or a
// buffer such a call filled. A map loop that calls it produces output that
// differs from run to run by design, as if it called the source itself.
//
// Example: for
//
//	func Bytes(n int) []byte { r := make([]byte, n); prng.Read(r); return r }
//	func Hash() Hash         { return BytesToHash(Bytes(32)) }
//
// both get the fact, printed as `random`.
type RandomFact struct{}

func (*RandomFact) AFact() {}

func (*RandomFact) String() string { return "random" }

// drawsRandom reports whether body calls a source of random numbers (a
// Random row of internal/apis, or a function with a RandomFact): what the
// loop produces differs from run to run by design, and map order adds
// nothing to that. Only the loop body counts: a random jitter elsewhere in
// the function does not make the loop's output random.
func (c *checker) drawsRandom(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			_, found = c.randomCall(call)
		}
		return !found
	})
	return found
}

// randomCall reports whether call draws random values, and which argument
// it fills with them (apis.Recv: it returns them).
func (c *checker) randomCall(call *ast.CallExpr) (int, bool) {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return 0, false
	}
	fn = fn.Origin()
	if r, ok := apis.Find(fn, apis.Random); ok {
		return r.Arg, true
	}
	if fn.Pkg() == c.pass.Pkg {
		return apis.Recv, c.randoms[fn]
	}
	return apis.Recv, c.pass.ImportObjectFact(fn, new(RandomFact))
}

// computeRandomFacts finds the functions of the package that return random
// values (a helper may call another: it iterates until nothing changes)
// and exports their facts.
func (c *checker) computeRandomFacts() {
	var decls []funcDecl
	for _, d := range c.decls {
		if d.fd.Type.Results != nil {
			decls = append(decls, d)
		}
	}
	for range 4 {
		changed := false
		for _, d := range decls {
			if !c.randoms[d.obj] && c.returnsRandom(d.fd.Body) {
				c.randoms[d.obj] = true
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, d := range decls {
		if c.randoms[d.obj] {
			c.pass.ExportObjectFact(d.obj, new(RandomFact))
		}
	}
}

// returnsRandom reports whether body returns a value drawn from a random
// source: a random call in a return statement, or a variable assigned
// from one or filled by one (prng.Read(r)).
func (c *checker) returnsRandom(body *ast.BlockStmt) bool {
	random := make(map[types.Object]bool)
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				found = found || random[c.info.Uses[n]]
			case *ast.CallExpr:
				if arg, ok := c.randomCall(n); ok && arg == apis.Recv {
					found = true
				}
			}
			return !found
		})
		return found
	}
	returns := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id := identOf(l); id != nil && len(n.Rhs) == len(n.Lhs) && mentions(n.Rhs[i]) {
					if obj := c.info.ObjectOf(id); obj != nil {
						random[obj] = true
					}
				}
			}
		case *ast.CallExpr:
			if arg, ok := c.randomCall(n); ok && arg >= 0 && arg < len(n.Args) {
				if id := identOf(n.Args[arg]); id != nil && c.info.Uses[id] != nil {
					random[c.info.Uses[id]] = true
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				returns = returns || mentions(r)
			}
		}
		return true
	})
	return returns
}
