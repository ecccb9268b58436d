package edits_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/maplint/maplint/internal/edits"
)

// TestAddImportSorted checks the raw text an added std import leaves, not
// formatted: maplint -fix writes it as it is, and gofmt sorts a run of
// imports, so the import goes in its sorted place among the std ones
// (pulsar-client-go's escape fix had "maps" above "context").
func TestAddImportSorted(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"package p\n\nimport (\n\t\"context\"\n\t\"sync\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"maps\"\n\t\"sync\"\n)\n"},
		{"package p\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"maps\"\n)\n"},
		{"package p\n\nimport (\n\t\"sort\"\n\t\"sync\"\n)\n",
			"package p\n\nimport (\n\t\"maps\"\n\t\"sort\"\n\t\"sync\"\n)\n"},
		{"package p\n\nimport (\n\t\"context\"\n\n\t\"example.com/x\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"maps\"\n\n\t\"example.com/x\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\" // printing\n\t\"sort\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\" // printing\n\t\"maps\"\n\t\"sort\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\n\t\"mod/x\"\n)\n",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"maps\"\n\n\t\"mod/x\"\n)\n"},
		{"package p\n\nimport (\n\t\"example.com/x\"\n)\n",
			"package p\n\nimport (\n\t\"maps\"\n\n\t\"example.com/x\"\n)\n"},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Scopes: make(map[ast.Node]*types.Scope), Defs: make(map[*ast.Ident]types.Object), Implicits: make(map[ast.Node]types.Object)}
		conf := types.Config{Importer: importer.Default(), Error: func(error) {}} // example.com/x is missing
		conf.Check("p", fset, []*ast.File{f}, info)
		_, es := edits.AddImport(info, f, "maps", "maps", "Clone", f.Package)
		got := tc.src
		for i := len(es) - 1; i >= 0; i-- { // one edit in practice
			off := fset.Position(es[i].Pos).Offset
			end := fset.Position(es[i].End).Offset
			got = got[:off] + string(es[i].NewText) + got[end:]
		}
		if got != tc.want {
			t.Errorf("AddImport in\n%s\ngave\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}
