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
// itself. A name that is no pass of maplint (a typo, a pass that was
// renamed) is reported too, once, since the directive silences nothing under
// that name; see [Directives.Unknown].
package directive

import (
	"cmp"
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

// PassNames returns the names of maplint's passes: the words a directive may
// name. The suite (package maplint) imports the passes and this package may
// not, so the list is written here, as the vocabulary of directives, and a
// test of the suite checks that it names exactly the suite's passes.
func PassNames() []string {
	return []string{"nilmerge", "concurrentwrite", "iterorder", "escape"}
}

// An Unknown is a name in a directive that is no pass of maplint.
type Unknown struct {
	Directive *Directive
	Name      string
	Suggest   string // the pass the name is closest to, if it is close; else ""
}

// Unknown returns the names in the directives that are no pass of maplint
// and that pass (the name of the running analyzer) is to report. pass is
// known whether or not PassNames lists it, so that an analyzer outside the
// suite honours directives that name it.
//
// Each unknown name is reported once in a run of the whole suite, by one
// pass chosen from the directive alone: the first known pass the directive
// names, or, when it names none, the known pass nearest to the unknown name
// in edit distance (ties go to the earlier in PassNames), which is the pass
// the author most likely meant and the one that stays enabled when a user
// runs only that pass.
func (ds *Directives) Unknown(pass string) []Unknown {
	known := PassNames()
	if !slices.Contains(known, pass) {
		known = append(known, pass)
	}
	var out []Unknown
	for _, d := range ds.list {
		var unknown []string
		reporter := ""
		for _, name := range d.Passes {
			switch {
			case !slices.Contains(known, name):
				unknown = append(unknown, name)
			case reporter == "":
				reporter = name
			}
		}
		for _, name := range unknown {
			nearest, dist := nearestName(name, known)
			if r := cmp.Or(reporter, nearest); r != pass {
				continue
			}
			u := Unknown{Directive: d, Name: name}
			if dist <= max(1, len(name)/3) {
				u.Suggest = nearest
			}
			out = append(out, u)
		}
	}
	return out
}

// nearestName returns the name in names nearest to s in edit distance, the
// first of several as near, and its distance.
func nearestName(s string, names []string) (string, int) {
	best, bestDist := "", -1
	for _, n := range names {
		if d := editDistance(s, n); bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best, bestDist
}

// editDistance returns the Levenshtein distance between a and b, in bytes
// (pass names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
