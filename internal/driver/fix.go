package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/maplint/maplint/internal/driver/output"
)

// applyFixes applies the first fix of each finding, skipping a fix whose
// edits overlap those of a fix already taken; with diff it prints a
// unified diff instead of writing the files. It returns the findings left
// unfixed, with their positions in the files as written, and the number of
// fixes applied.
func applyFixes(findings []output.Finding, diff bool, w io.Writer) (int, []output.Finding, error) {
	applied := 0
	byFile := make(map[string][]output.Edit)
	var remaining []output.Finding
	for _, f := range findings {
		if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			remaining = append(remaining, f)
			continue
		}
		fix := f.Fixes[0]
		ok := true
		for _, e := range fix.Edits {
			for _, x := range byFile[e.Filename] {
				if x == e {
					continue // the same edit, from another finding
				}
				if e.Start < x.End && x.Start < e.End || e.Start == x.Start && e.End == x.End {
					ok = false
				}
			}
		}
		if !ok {
			remaining = append(remaining, f)
			continue
		}
		applied++
		for _, e := range fix.Edits {
			if !containsEdit(byFile[e.Filename], e) {
				byFile[e.Filename] = append(byFile[e.Filename], e)
			}
		}
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		edits := byFile[name]
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		old, err := os.ReadFile(name)
		if err != nil {
			return 0, nil, err
		}
		if diff {
			if err := unifiedDiff(w, name, old, edits); err != nil {
				return 0, nil, err
			}
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return 0, nil, err
		}
		if err := os.WriteFile(name, apply(old, edits), info.Mode().Perm()); err != nil {
			return 0, nil, err
		}
	}
	if !diff {
		// The findings were positioned in the files as analysed; the user
		// reads them in the files as written.
		var written []output.Edit
		for _, name := range names {
			written = append(written, byFile[name]...)
		}
		remaining = output.Relocate(remaining, written, os.ReadFile)
	}
	return applied, remaining, nil
}

func containsEdit(edits []output.Edit, e output.Edit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// apply applies sorted, non-overlapping edits to src.
func apply(src []byte, edits []output.Edit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}

// unifiedDiff prints the change that edits make to the file name, whose
// content is old, as a unified diff with three lines of context.
func unifiedDiff(w io.Writer, name string, old []byte, edits []output.Edit) error {
	// lineStart[i] is the offset of line i (0-based); a final entry for EOF.
	lineStart := []int{0}
	for i, c := range old {
		if c == '\n' && i+1 < len(old) {
			lineStart = append(lineStart, i+1)
		}
	}
	lineOf := func(off int) int {
		return sort.Search(len(lineStart), func(i int) bool { return lineStart[i] > off }) - 1
	}
	lineEnd := func(l int) int { // offset just past line l, newline included
		if l+1 < len(lineStart) {
			return lineStart[l+1]
		}
		return len(old)
	}
	// A group is a run of whole old lines [from, to) replaced by new text.
	type group struct {
		from, to int
		edits    []output.Edit
	}
	var groups []group
	for _, e := range edits {
		from := lineOf(e.Start)
		to := lineOf(max(e.Start, e.End-1)) + 1
		if n := len(groups); n > 0 && from < groups[n-1].to {
			groups[n-1].to = max(groups[n-1].to, to)
			groups[n-1].edits = append(groups[n-1].edits, e)
			continue
		}
		groups = append(groups, group{from, to, []output.Edit{e}})
	}
	lines := func(from, to int) []string {
		if from >= to {
			return nil
		}
		return splitLines(string(old[lineStart[from]:lineEnd(to-1)]))
	}
	fmt.Fprintf(w, "--- %s (old)\n+++ %s (new)\n", name, name)
	const context = 3
	nlines := len(lineStart)
	delta := 0 // new line number minus old line number so far
	for i := 0; i < len(groups); {
		// Merge groups whose contexts touch into one hunk.
		j := i + 1
		for j < len(groups) && groups[j].from-groups[j-1].to <= 2*context {
			j++
		}
		start := max(0, groups[i].from-context)
		end := min(nlines, groups[j-1].to+context)
		var body strings.Builder
		oldCount, newCount := 0, 0
		at := start
		for _, gr := range groups[i:j] {
			for _, l := range lines(at, gr.from) {
				body.WriteString(" " + l)
				oldCount++
				newCount++
			}
			o, n := writeChange(&body, old[lineStart[gr.from]:lineEnd(gr.to-1)], lineStart[gr.from], gr.edits)
			oldCount += o
			newCount += n
			at = gr.to
		}
		for _, l := range lines(at, end) {
			body.WriteString(" " + l)
			oldCount++
			newCount++
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n%s", start+1, oldCount, start+1+delta, newCount, body.String())
		delta += newCount - oldCount
		i = j
	}
	return nil
}

// writeChange writes to body the lines of oldText, which starts at offset
// base of its file, as edits change them: unchanged leading and trailing
// lines as context, the others as removed and added lines. It returns the
// number of old and of new lines.
func writeChange(body *strings.Builder, oldText []byte, base int, edits []output.Edit) (oldLines, newLines int) {
	var shifted []output.Edit
	for _, e := range edits {
		shifted = append(shifted, output.Edit{Start: e.Start - base, End: e.End - base, New: e.New})
	}
	before := splitLines(string(oldText))
	after := splitLines(string(apply(oldText, shifted)))
	// Lines the edits leave as they were are context.
	pre := 0
	for pre < len(before) && pre < len(after) && before[pre] == after[pre] {
		pre++
	}
	post := 0
	for post < len(before)-pre && post < len(after)-pre && before[len(before)-1-post] == after[len(after)-1-post] {
		post++
	}
	for _, l := range before[:pre] {
		body.WriteString(" " + l)
	}
	for _, l := range before[pre : len(before)-post] {
		body.WriteString("-" + l)
	}
	for _, l := range after[pre : len(after)-post] {
		body.WriteString("+" + l)
	}
	for _, l := range before[len(before)-post:] {
		body.WriteString(" " + l)
	}
	return len(before), len(after)
}

// splitLines splits s after each newline; a last line without one gets it,
// with the marker diff uses.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s+"\n\\ No newline at end of file\n")
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
