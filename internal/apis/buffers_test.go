package apis

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestContractAndTypeHas checks that a writer type with no rows writes by
// the io.Writer contract, that a method named Write with another signature
// does not, and that in-memory writers are known by their Contents rows.
func TestContractAndTypeHas(t *testing.T) {
	const src = `package p

import "strings"

type w struct{}

func (*w) Write(p []byte) (int, error) { return len(p), nil }
func (*w) WriteString(s string) (n int, err error) { return len(s), nil }

type notWriter struct{}

func (notWriter) Write(p string) {}

var B strings.Builder
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup(typ).Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	for _, c := range []struct {
		typ, name string
		want      bool
	}{{"w", "Write", true}, {"w", "WriteString", true}, {"notWriter", "Write", false}} {
		if _, got := Contract(method(c.typ, c.name), Output); got != c.want {
			t.Errorf("Contract(%s.%s, Output) = %v, want %v", c.typ, c.name, got, c.want)
		}
	}
	if !TypeHas(pkg.Scope().Lookup("B").Type(), Contents) {
		t.Error("strings.Builder has no Contents row")
	}
	if TypeHas(pkg.Scope().Lookup("w").Type(), Contents) {
		t.Error("w has a Contents row")
	}
}
