package gclplugin

import (
	"cmp"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// mergeInsertions makes a's fixes survive golangci-lint's --fix.
//
// golangci-lint (v2.15.0, pkg/result/processors/fixer.go) collects the edits
// of every fix in a file, sorts them by position and drops an edit only
// when it equals its neighbour. Two findings in one file whose fixes both
// add `import "maps"` and `import "slices"` at the same place give the
// sorted sequence maps, slices, maps, slices: no twin is a neighbour, all
// four are applied, and the file no longer compiles ("maps redeclared").
// maplint's own -fix and gopls merge such fixes correctly.
//
// Joining, within each fix, the insertions at one position into a single
// edit makes the two fixes' edits identical neighbours, which golangci-lint
// deduplicates. It does not change what any one fix does.
func mergeInsertions(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.SuggestedFixes = slices.Clone(d.SuggestedFixes)
			for i, fix := range d.SuggestedFixes {
				d.SuggestedFixes[i].TextEdits = joinInsertions(fix.TextEdits)
			}
			pass.Report(d)
		}
		return run(&p)
	}
}

// joinInsertions returns edits sorted by position (stably, so insertions at
// one point keep their order), with consecutive insertions at the same
// position joined into one edit.
func joinInsertions(edits []analysis.TextEdit) []analysis.TextEdit {
	if len(edits) < 2 {
		return edits
	}
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(x, y analysis.TextEdit) int {
		// By start, then an insertion (End invalid or equal to Pos)
		// before a replacement that starts at the same place.
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(end(x), end(y)))
	})
	var res []analysis.TextEdit
	for _, e := range sorted {
		if n := len(res); n > 0 && isInsertion(e) && isInsertion(res[n-1]) && res[n-1].Pos == e.Pos {
			prev := &res[n-1]
			prev.NewText = append(slices.Clip(prev.NewText), e.NewText...)
			continue
		}
		res = append(res, e)
	}
	return res
}

func isInsertion(e analysis.TextEdit) bool { return end(e) == e.Pos }

func end(e analysis.TextEdit) token.Pos {
	if !e.End.IsValid() {
		return e.Pos
	}
	return e.End
}
