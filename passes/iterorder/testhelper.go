package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/apis"
)

// testHelper reports whether the code at cur is in a function declared
// with a parameter (or receiver) that is a test handle: a value whose
// methods have a TestOnly row of internal/apis (testing.TB, *testing.T,
// *testing.B, *testing.F). Only the testing package makes such handles,
// for the tests go test runs, so the function runs in a test, as a test
// file's code does (internal/testenv's WriteImportcfg writes an importcfg
// for a test's compiler run in map order; the compiler reads it as a set).
func (c *checker) testHelper(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		obj, _ := c.info.Defs[e.Node().(*ast.FuncDecl).Name].(*types.Func)
		if obj == nil {
			return false
		}
		sig := obj.Type().(*types.Signature)
		if sig.Recv() != nil && isTestHandle(sig.Recv().Type()) {
			return true
		}
		for p := range sig.Params().Variables() {
			if isTestHandle(p.Type()) {
				return true
			}
		}
	}
	return false
}

// isTestHandle reports whether a value of type t has a method with a
// TestOnly row.
func isTestHandle(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, ok := t.(*types.Pointer); !ok {
			return false // the handles are pointers or interfaces
		}
	}
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok {
			if _, ok := apis.Find(fn, apis.TestOnly); ok {
				return true
			}
		}
	}
	return false
}
