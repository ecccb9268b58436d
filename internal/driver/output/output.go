// Package output writes maplint's findings for people and for tools: plain
// text, the JSON tree of x/tools' multichecker, and SARIF 2.1.0 for code
// scanning. It also draws the progress line and the summary of -fix.
//
// The driver converts each analysis.Diagnostic into a [Finding] with its
// positions already resolved, so that this package needs no token.FileSet
// and the same finding, reported once for a package and once for its test
// variant, can be recognised and printed once (see [Dedup]).
package output

import (
	"cmp"
	"go/token"
	"slices"
	"strings"

	"github.com/maplint/maplint/internal/report"
)

// An Edit replaces the bytes [Start, End) of a file with New.
type Edit struct {
	Filename   string
	Start, End int // byte offsets
	New        string
}

// A Fix is a suggested fix: edits applied together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// Related is a secondary place that explains a finding.
type Related struct {
	Posn    token.Position
	Message string
}

// A Finding is one diagnostic of one pass.
type Finding struct {
	Pass      string // the analyzer's name
	Category  string // the diagnostic's category, possibly empty
	Package   string // package path, without a test variant suffix such as " [p.test]"
	Posn, End token.Position
	Message   string
	Related   []Related
	Fixes     []Fix
}

// Dedup returns the findings of fs without duplicates, sorted by position,
// then pass and message. A source file of a package is also compiled into
// the package's test variant, so the driver sees its findings twice; two
// findings are duplicates when they have the same pass, category, position,
// end and message, but for the reason a finding without a fix gives at the
// end of its message ("; no fix: " and the reason). Of duplicates that
// differ otherwise, Dedup keeps the one with the fewest fixes, then the
// most related places, then the first in a total order of all fields, so
// the result does not depend on the order of fs. A fix must be safe in
// every build of the file, and the variant that refuses it knows more: a
// test that calls the function is a caller that may hold the lock the fix
// would take again, so the package's copy offers the fix and the test
// variant's says why there is none. fs is not modified.
func Dedup(fs []Finding) []Finding {
	out := make([]Finding, len(fs))
	copy(out, fs)
	for i := range out {
		out[i].Package = basePackage(out[i].Package)
	}
	slices.SortFunc(out, compareFindings)
	return slices.CompactFunc(out, func(a, b Finding) bool { return compareKey(a, b) == 0 })
}

// basePackage strips the test variant suffix from a package ID
// ("p [p.test]" → "p"), in case a driver passes IDs rather than paths.
func basePackage(id string) string {
	path, _, _ := strings.Cut(id, " [")
	return path
}

// compareKey orders findings by what identifies them: position, end, pass,
// category and message without its no-fix reason.
func compareKey(a, b Finding) int {
	return cmp.Or(
		comparePosition(a.Posn, b.Posn),
		comparePosition(a.End, b.End),
		cmp.Compare(a.Pass, b.Pass),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(withoutNoFix(a.Message), withoutNoFix(b.Message)),
	)
}

// withoutNoFix returns msg without the reason it gives for no fix
// (report.NoFix).
func withoutNoFix(msg string) string {
	m, _, _ := report.CutNoFix(msg)
	return m
}

// compareFindings is a total order on findings: compareKey, then the one
// with fewer fixes and more related places first, then every other field.
func compareFindings(a, b Finding) int {
	if c := compareKey(a, b); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(len(a.Fixes), len(b.Fixes)),
		-cmp.Compare(len(a.Related), len(b.Related)),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Package, b.Package),
		slices.CompareFunc(a.Related, b.Related, func(x, y Related) int {
			return cmp.Or(comparePosition(x.Posn, y.Posn), cmp.Compare(x.Message, y.Message))
		}),
		slices.CompareFunc(a.Fixes, b.Fixes, compareFixes),
	)
}

func compareFixes(a, b Fix) int {
	return cmp.Or(
		cmp.Compare(a.Message, b.Message),
		slices.CompareFunc(a.Edits, b.Edits, func(x, y Edit) int {
			return cmp.Or(
				cmp.Compare(x.Filename, y.Filename),
				cmp.Compare(x.Start, y.Start),
				cmp.Compare(x.End, y.End),
				cmp.Compare(x.New, y.New),
			)
		}),
	)
}

// comparePosition orders positions by file, line and column; the offset
// breaks ties between positions that only it tells apart.
func comparePosition(a, b token.Position) int {
	return cmp.Or(
		cmp.Compare(a.Filename, b.Filename),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Offset, b.Offset),
	)
}

// endOf returns f's end, or its start when the end is unknown.
func endOf(f Finding) token.Position {
	if f.End.IsValid() {
		return f.End
	}
	return f.Posn
}
