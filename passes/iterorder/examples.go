package iterorder

import (
	"go/ast"
	godoc "go/doc"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// example returns how go test runs the function around cur, declared in
// a test file: run is false unless it is an Example that go test executes,
// and unordered says that go test compares its output as a set of lines.
//
// go test asks go/doc which functions of a test file are examples and
// what output each expects (cmd/go/internal/load's testFuncs.load); an
// example with no output comment is compiled but never run ("Don't run
// examples with no output directive"), so what it prints reaches no one,
// like any other code that never runs. With "Unordered output:" the
// testing package sorts the lines it got and the lines it wants before
// comparing them.
func (c *checker) example(cur inspector.Cursor) (run, unordered bool) {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		if file := f.Node().(*ast.File); !c.examplesOf[file] {
			c.indexExamples(file)
		}
	}
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		ex := c.examples[e.Node().(*ast.FuncDecl)]
		if ex == nil || ex.Output == "" && !ex.EmptyOutput {
			return false, false
		}
		return true, ex.Unordered
	}
	return false, false
}

// indexExamples records go/doc's examples of the test file f by their
// declaration.
func (c *checker) indexExamples(f *ast.File) {
	if c.examplesOf == nil {
		c.examplesOf = make(map[*ast.File]bool)
		c.examples = make(map[*ast.FuncDecl]*godoc.Example)
	}
	c.examplesOf[f] = true
	byName := make(map[string]*godoc.Example)
	for _, ex := range godoc.Examples(f) {
		byName["Example"+ex.Name] = ex
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && byName[fd.Name.Name] != nil {
			c.examples[fd] = byName[fd.Name.Name]
		}
	}
}

// dropUnorderedLines removes, from the findings of the loop rs in an
// example whose output go test compares as a set of lines, the prints and
// writes in the loop's body: each visit writes its own output, and the
// order of the lines is not compared. A list built in the loop and
// printed after it is one line whose order is compared, and stays; so
// does a print in the body that does not end its line (fmt.Print(k, " ")),
// which the pass does not tell apart (see the known limitations).
func dropUnorderedLines(rs *ast.RangeStmt, fs []finding) []finding {
	return slices.DeleteFunc(fs, func(f finding) bool {
		return (f.category == "print" || f.category == "write") && f.pos >= rs.Body.Pos() && f.pos < rs.Body.End()
	})
}
