package integration

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// goplsLine matches a line of `gopls check`: file:line:col[-end]: message.
// Related information prints as a line whose message starts with "- ".
var goplsLine = regexp.MustCompile(`^(.*):(\d+):(\d+)(?:-[\d:]+)?: (.*)$`)

func TestGopls(t *testing.T) {
	skipUnlessIntegration(t)
	t.Parallel()
	dir := copyExample(t)
	want := reference(t, dir)
	checkExamples(t, want)

	bin := buildTool(t, "gopls")
	if out, code := run(t, scratch, nil, bin, "version"); code != 0 || !strings.Contains(out, "+maplint") {
		t.Errorf("gopls version (exit %d) does not say it includes maplint: %s", code, out)
	}

	t.Run("check", func(t *testing.T) {
		// gopls check exits 0 with or without diagnostics: compare its output.
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		slices.Sort(files)
		out, code := run(t, dir, []string{"GOWORK=off"}, bin, append([]string{"check"}, files...)...)
		if code != 0 {
			t.Fatalf("gopls check: exit %d\n%s", code, out)
		}
		var got []string // file:line:col: message
		for _, l := range strings.Split(out, "\n") {
			if m := goplsLine.FindStringSubmatch(l); m != nil {
				got = append(got, fmt.Sprintf("%s:%s:%s: %s", filepath.Base(m[1]), m[2], m[3], m[4]))
			}
		}
		for _, f := range want {
			line := fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Message)
			if !slices.Contains(got, line) {
				t.Errorf("gopls check does not print %s's finding %q", f.Pass, line)
			}
			for _, r := range f.Related {
				line := fmt.Sprintf("%s:%d:%d: - %s", r.File, r.Line, r.Col, r.Message)
				if r.File == f.File && !slices.Contains(got, line) {
					t.Errorf("gopls check does not print %s's related information %q", f.Pass, line)
				}
			}
		}
		if t.Failed() {
			t.Logf("gopls check printed:\n%s", out)
		}
	})

	t.Run("codeaction", func(t *testing.T) {
		// Every maplint fix is offered as a quick fix; -exec -diff shows
		// its edits.
		n := 0
		for _, f := range want {
			for _, fx := range f.Fixes {
				n++
				at := fmt.Sprintf("%s:%d:%d", filepath.Join(dir, f.File), f.Line, f.Col)
				out, code := run(t, dir, []string{"GOWORK=off"}, bin, "codeaction", "-kind=quickfix", "-exec", "-diff",
					"-title=^"+regexp.QuoteMeta(fx.Message)+"$", at)
				if code != 0 {
					t.Errorf("gopls codeaction %q at %s: exit %d\n%s", fx.Message, at, code, out)
					continue
				}
				var added []string
				for _, l := range strings.Split(out, "\n") {
					if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") {
						added = append(added, l)
					}
				}
				for _, e := range fx.Edits {
					for _, nl := range strings.Split(e.New, "\n") {
						nl = strings.TrimSpace(nl)
						if nl != "" && !slices.ContainsFunc(added, func(a string) bool { return strings.Contains(a, nl) }) {
							t.Errorf("gopls's diff for %q at %s does not add %q:\n%s", fx.Message, at, nl, out)
						}
					}
				}
			}
		}
		if n == 0 {
			t.Error("no maplint fix to try")
		}
	})
}
