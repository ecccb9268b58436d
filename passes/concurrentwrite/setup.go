package concurrentwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
)

// isSetup reports whether fn, or the named function that encloses it, is
// a method that Config.Setup declares to run only while its object is set
// up, before any goroutine uses it: the project's callers keep the order,
// which the package's code does not show (opa's sdk/test.Server.
// WithTestBundle, caddy's TLS.RegisterServerNames).
func (ck *checker) isSetup(fn *ssa.Function) bool {
	if len(ck.setup) == 0 {
		return false
	}
	fn = goroutine.Outermost(fn)
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	n := guards.RecvNamed(fn)
	if n == nil {
		return false
	}
	return ck.setup[obj.Pkg().Path()+"."+n.Obj().Name()+"."+obj.Name()]
}

// writesInSetup reports whether every write of shared is made by a setup
// method (isSetup): the reads follow them all.
func (ck *checker) writesInSetup(shared []*access) bool {
	n := 0
	for _, a := range shared {
		if !a.Write {
			continue
		}
		if !ck.isSetup(a.fn) {
			return false
		}
		n++
	}
	return n > 0
}
