package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Text writes fs for people, each finding once, sorted by position:
//
//	file.go:12:3: write to map out, which is nil when ok is false (nilmerge)
//		out is declared here (file.go:8:2)
//
// A finding is one line, `position: message (pass)`, so that editors and
// scripts that read `file:line:col: ` lines find it and the reader knows
// which pass to name in a //maplint:ignore directive. Its related places
// follow on indented lines that put the position after the message, in
// parentheses, so that no `:line:col: ` sequence appears in them and a line
// counter such as `grep -c ':[0-9]*:[0-9]*: '` counts findings only.
func Text(w io.Writer, fs []Finding) error { return TextContext(w, fs, -1) }

// TextContext is [Text] followed, when context is 0 or more, by the lines
// of source that each finding spans and context lines on either side, each
// as `line<TAB>text` (the multichecker's -c flag):
//
//	file.go:12:3: write to map out, which is nil when ok is false (nilmerge)
//		out is declared here (file.go:8:2)
//	11	for k, v := range src {
//	12		out[k] = v
//	13	}
//
// A file that cannot be read is shown without its lines.
func TextContext(w io.Writer, fs []Finding, context int) error {
	bw := bufio.NewWriter(w)
	files := make(map[string][]string) // file name → lines, read once
	for _, f := range Dedup(fs) {
		fmt.Fprintf(bw, "%s: %s (%s)\n", f.Posn, f.Message, f.Pass)
		for _, r := range f.Related {
			fmt.Fprintf(bw, "\t%s (%s)\n", r.Message, r.Posn)
		}
		if context < 0 || f.Posn.Filename == "" {
			continue
		}
		lines, ok := files[f.Posn.Filename]
		if !ok {
			if data, err := os.ReadFile(f.Posn.Filename); err == nil {
				lines = strings.Split(string(data), "\n")
			}
			files[f.Posn.Filename] = lines
		}
		last := f.Posn.Line
		if f.End.Filename == f.Posn.Filename && f.End.Line > last {
			last = f.End.Line
		}
		for i := max(1, f.Posn.Line-context); i <= last+context && i <= len(lines); i++ {
			fmt.Fprintf(bw, "%d\t%s\n", i, lines[i-1])
		}
	}
	return bw.Flush()
}

// Summary writes the line that ends the output of -fix: how many fixes were
// applied and how many findings remain. The driver prints the remaining
// findings (with [Text]) before it, so that a run of -fix never hides a
// finding it could not fix.
func Summary(w io.Writer, applied, remaining int) {
	rest := "no findings remain"
	if remaining > 0 {
		rest = fmt.Sprintf("%d %s", remaining, plural(remaining, "finding remains", "findings remain"))
	}
	fmt.Fprintf(w, "maplint: applied %d %s; %s\n", applied, plural(applied, "fix", "fixes"), rest)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
