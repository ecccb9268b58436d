// Package report holds maplint's reporting policy, shared by every pass:
// diagnostics silenced by //maplint:ignore are dropped, malformed directives
// and directives that name no pass of maplint are reported, a finding
// without a fix says why none is safe at the end of its message (NoFix),
// and findings in generated files are reported without fixes, saying so
// (a fix to generated code is lost at the next generation).
package report

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/directive"
)

// CategoryDirective is the category of a report about a malformed directive.
const CategoryDirective = "directive"

// A Reporter reports the diagnostics of one pass over one package. Every pass
// that uses it must list directive.Analyzer in its Requires.
type Reporter struct {
	pass      *analysis.Pass
	dirs      *directive.Directives
	generated map[*token.File]bool
}

// New returns a Reporter for pass and reports the pass's malformed directives
// and the unknown pass names it is responsible for (see
// directive.Directives.Unknown). Call it once per run.
func New(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:      pass,
		dirs:      pass.ResultOf[directive.Analyzer].(*directive.Directives),
		generated: make(map[*token.File]bool),
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			r.generated[pass.Fset.File(f.Pos())] = true
		}
	}
	name := pass.Analyzer.Name
	for _, d := range r.dirs.Malformed(name) {
		pass.Report(analysis.Diagnostic{
			Pos:      d.Pos,
			Category: CategoryDirective,
			Message:  "maplint:ignore directive for " + name + " has no reason: write " + directive.Prefix + " " + name + " <why the code is safe>",
		})
	}
	for _, u := range r.dirs.Unknown(name) {
		msg := "maplint:ignore directive names unknown pass " + u.Name
		if u.Suggest != "" {
			msg += " (did you mean " + u.Suggest + "?)"
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.Directive.Pos,
			Category: CategoryDirective,
			Message:  msg + "; the passes are " + strings.Join(directive.PassNames(), ", "),
		})
	}
	return r
}

// Report reports d unless a directive silences it; in a generated file it
// drops d's fixes and gives WhyGenerated as the reason d has none.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.dirs.Suppressed(r.pass.Fset, r.pass.Analyzer.Name, d.Pos) {
		return
	}
	if r.IsGenerated(d.Pos) && len(d.SuggestedFixes) > 0 {
		d.SuggestedFixes = nil
		NoFix(&d, WhyGenerated)
	}
	r.pass.Report(d)
}

// noFixSep separates a finding's message from the reason it gives for
// offering no fix.
const noFixSep = "; no fix: "

// WhyGenerated is the reason a finding in a generated file has no fix.
const WhyGenerated = "the file is generated, and an edit would be lost when it is generated again"

// WhySource is the reason a finding has no fix when the source of its file
// cannot be read (the fix builders need its text).
const WhySource = "the file's source cannot be read"

// NoFix ends the message of d, which offers no fix, with why none is safe:
// "<message>; no fix: <why>". The message is what every output shows
// (golangci-lint prints no related information).
func NoFix(d *analysis.Diagnostic, why string) {
	d.Message += noFixSep + why
}

// CutNoFix splits a message into the finding and the reason NoFix gave for
// its having no fix; found reports whether it gave one.
func CutNoFix(msg string) (finding, why string, found bool) {
	return strings.Cut(msg, noFixSep)
}

// ReportAll reports diags (each through Report) in position order; with
// skipTests, those in _test.go files are left out (the -skiptests option of
// the passes that analyse test files). It sorts diags in place.
func (r *Reporter) ReportAll(diags []analysis.Diagnostic, skipTests bool) {
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int { return int(a.Pos) - int(b.Pos) })
	for _, d := range diags {
		if f := r.pass.Fset.File(d.Pos); skipTests && f != nil && strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		r.Report(d)
	}
}

// IsGenerated reports whether pos is in a generated file (one with a
// "// Code generated ... DO NOT EDIT." comment).
func (r *Reporter) IsGenerated(pos token.Pos) bool {
	return r.generated[r.pass.Fset.File(pos)]
}
