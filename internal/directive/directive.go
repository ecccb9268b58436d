// Package directive finds //maplint:ignore comments, which silence one or
// more passes on one line:
//
//	//maplint:ignore nilmerge,concurrentwrite the map is filled by init before use
//	out[k] = v
//
// A directive on a line of its own applies to the next line that is not a
// comment; one at the end of a line applies to that line. The reason is
// required: a directive without one silences nothing and is itself reported,
// by each pass it names, so that every suppression in a code base explains
// itself.
package directive

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//maplint:ignore"

// Analyzer parses the directives of a package. It reports nothing; its result
// is a *Directives.
var Analyzer = &analysis.Analyzer{
	Name:             "maplintdirective",
	Doc:              "collects //maplint:ignore directives for the maplint passes",
	URL:              "https://pkg.go.dev/github.com/maplint/maplint/internal/directive",
	Run:              run,
	ResultType:       reflect.TypeFor[*Directives](),
	RunDespiteErrors: true,
}

// A Directive is one //maplint:ignore comment.
type Directive struct {
	Pos    token.Pos // the comment
	Passes []string  // the passes it names, in order
	Reason string    // empty when malformed
	file   *token.File
	line   int // the line it applies to
}

// Directives are the directives of one package, in source order.
type Directives struct {
	list []*Directive
}

// Malformed returns the directives that name pass but give no reason.
func (ds *Directives) Malformed(pass string) []*Directive {
	var out []*Directive
	for _, d := range ds.list {
		if d.Reason == "" && d.names(pass) {
			out = append(out, d)
		}
	}
	return out
}

// Suppressed reports whether a well-formed directive silences pass at pos.
func (ds *Directives) Suppressed(fset *token.FileSet, pass string, pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	f := fset.File(pos)
	if f == nil {
		return false
	}
	line := f.Line(pos)
	for _, d := range ds.list {
		if d.file == f && d.line == line && d.Reason != "" && d.names(pass) {
			return true
		}
	}
	return false
}

// names reports whether d names pass; a directive that names no pass names
// them all (it is malformed, and reported by every pass).
func (d *Directive) names(pass string) bool {
	return len(d.Passes) == 0 || slices.Contains(d.Passes, pass)
}

func run(pass *analysis.Pass) (any, error) {
	ds := new(Directives)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := parse(c.Text)
				if d == nil {
					continue
				}
				d.Pos = c.Pos()
				d.file = tf
				d.line = target(tf, f, cg, c)
				ds.list = append(ds.list, d)
			}
		}
	}
	return ds, nil
}

// parse parses the text of one // comment, or returns nil if it is not a
// directive.
func parse(text string) *Directive {
	rest, ok := strings.CutPrefix(text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	fields := strings.Fields(rest)
	d := new(Directive)
	if len(fields) == 0 {
		return d
	}
	for p := range strings.SplitSeq(fields[0], ",") {
		if p != "" {
			d.Passes = append(d.Passes, p)
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d
}

// target returns the line a directive applies to: its own line when code
// precedes it there, else the first line after its comment group.
func target(tf *token.File, f *ast.File, cg *ast.CommentGroup, c *ast.Comment) int {
	line := tf.Line(c.Pos())
	if codeBefore(tf, f, c.Pos(), line) {
		return line
	}
	return tf.Line(cg.End()) + 1
}

// codeBefore reports whether some non-comment token of f starts on line
// before pos.
func codeBefore(tf *token.File, f *ast.File, pos token.Pos, line int) bool {
	lineStart := tf.LineStart(line)
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n.Pos() > pos || n.End() < lineStart {
			return false // the node ends before the line or starts after the comment
		}
		switch n.(type) {
		case *ast.CommentGroup, *ast.Comment:
			return false
		}
		if n.End() > lineStart && n.End() <= pos {
			found = true // a node ends on this line before the comment
			return false
		}
		return true
	})
	return found
}
