package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/maplint/maplint"
)

// golangciConfig is a .golangci.yml that runs maplint alone with the given
// plugin settings (YAML, indented by 8 spaces).
func golangciConfig(settings string) string {
	return `version: "2"
linters:
  default: none
  enable: [maplint]
  settings:
    custom:
      maplint:
        type: module
        description: unsafe use of Go maps
` + settings + `
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
}

type golangci struct {
	t   *testing.T
	bin string
}

// run runs golangci-lint in dir with the given settings and extra flags; it
// returns the maplint issues (without the related-information ones) as
// "file:line:col: pass: message", the text output and the exit code.
func (g golangci) run(dir, settings string, flags ...string) (issues []string, text string, code int) {
	t := g.t
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(golangciConfig(settings)), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonOut := filepath.Join(t.TempDir(), "issues.json")
	args := append([]string{"run", "--output.text.path=stdout", "--output.text.colors=false", "--output.json.path=" + jsonOut}, flags...)
	args = append(args, "./...")
	text, code = run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir(), "GOWORK=off"}, g.bin, args...)
	if code != 0 && code != 1 {
		return nil, text, code
	}
	data, err := os.ReadFile(jsonOut)
	if err != nil {
		t.Fatalf("golangci-lint wrote no JSON (exit %d): %v\n%s", code, err, text)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, data)
	}
	for _, is := range report.Issues {
		if is.FromLinter != "maplint" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		if strings.Contains(is.Text, "(related information)") {
			continue
		}
		issues = append(issues, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(issues)
	return issues, text, code
}

func keys(fs []finding) []string {
	var ks []string
	for _, f := range fs {
		ks = append(ks, f.key())
	}
	slices.Sort(ks)
	return ks
}

func TestGolangciLint(t *testing.T) {
	skipUnlessIntegration(t)
	t.Parallel()
	dir := copyExample(t)
	want := reference(t, dir)
	checkExamples(t, want)

	g := golangci{t, buildTool(t, "golangci")}
	if out, _ := run(t, scratch, nil, g.bin, "--version"); !strings.Contains(out, "has version 2.") || strings.Contains(out, "(devel)") {
		t.Errorf("golangci-lint --version does not report its release: %s", out)
	}

	t.Run("findings", func(t *testing.T) { golangciFindings(t, g.bin, dir, want) })
	t.Run("settings", func(t *testing.T) { golangciSettings(t, g.bin, dir, want) })
	t.Run("badsettings", func(t *testing.T) { golangciBadSettings(t, g.bin, dir, want) })
	t.Run("nolint", func(t *testing.T) { golangciNolint(t, g.bin, want) })
	t.Run("fix", func(t *testing.T) { golangciFix(t, g.bin, want) })
}

// golangciFindings checks that golangci-lint reports what maplint reports, in text and SARIF.
func golangciFindings(t *testing.T, bin, dir string, want []finding) {
	g := golangci{t, bin}
	sarif := filepath.Join(t.TempDir(), "issues.sarif")
	got, text, code := g.run(dir, "", "--output.sarif.path="+sarif)
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (issues found):\n%s", code, text)
	}
	if !slices.Equal(got, keys(want)) {
		t.Errorf("golangci-lint reports\n\t%s\nmaplint reports\n\t%s", strings.Join(got, "\n\t"), strings.Join(keys(want), "\n\t"))
	}
	for _, f := range want {
		if !strings.Contains(text, f.key()+" (maplint)\n") {
			t.Errorf("text output lacks %q:\n%s", f.key()+" (maplint)", text)
		}
	}
	checkSARIF(t, sarif, want)
}

// golangciSettings checks that the plugin settings choose the passes.
func golangciSettings(t *testing.T, bin, dir string, want []finding) {
	// Disabling every pass but the first leaves only its findings.
	g := golangci{t, bin}
	first := maplint.Analyzers()[0].Name
	var wantFirst []finding
	for _, f := range want {
		if f.Pass == first {
			wantFirst = append(wantFirst, f)
		}
	}
	settings := "        settings:\n          enable: [" + first + "]\n"
	got, text, code := g.run(dir, settings)
	if code != 1 || !slices.Equal(got, keys(wantFirst)) {
		t.Errorf("with %q: exit %d, golangci-lint reports\n\t%s\nwant\n\t%s\n%s", settings, code, strings.Join(got, "\n\t"), strings.Join(keys(wantFirst), "\n\t"), text)
	}
}

// golangciBadSettings checks that bad plugin settings fail with a message naming maplint.
func golangciBadSettings(t *testing.T, bin, dir string, want []finding) {
	g := golangci{t, bin}
	first := maplint.Analyzers()[0].Name
	for _, tc := range []struct{ settings, want string }{
		{"        settings:\n          disable: [nosuchpass]\n", `disable[0]: unknown pass "nosuchpass"`},
		{"        settings:\n          putal: x\n", `unknown field "putal"`},
		{"        settings:\n          passes:\n            " + first + ":\n              nosuchoption: x\n", `unknown option "nosuchoption"`},
	} {
		_, text, code := g.run(dir, tc.settings)
		if code == 0 || code == 1 || !strings.Contains(text, "maplint") || !strings.Contains(text, tc.want) {
			t.Errorf("settings\n%s: exit %d, want a failure naming %q:\n%s", tc.settings, code, tc.want, text)
		}
	}
}

// golangciNolint checks that //nolint:maplint silences a finding.
func golangciNolint(t *testing.T, bin string, want []finding) {
	// Silence the first finding of every pass with //nolint:maplint.
	g := golangci{t, bin}
	dir := copyExample(t)
	silenced := map[string]bool{} // file:line
	for _, f := range want {
		if silenced[f.Pass] {
			continue
		}
		silenced[f.Pass] = true
		silenced[fmt.Sprintf("%s:%d", f.File, f.Line)] = true
		appendToLine(t, filepath.Join(dir, f.File), f.Line, " //nolint:maplint")
	}
	var rest []finding
	for _, f := range want {
		if !silenced[fmt.Sprintf("%s:%d", f.File, f.Line)] {
			rest = append(rest, f)
		}
	}
	got, text, _ := g.run(dir, "")
	if !slices.Equal(got, keys(rest)) {
		t.Errorf("with //nolint:maplint, golangci-lint reports\n\t%s\nwant\n\t%s\n%s", strings.Join(got, "\n\t"), strings.Join(keys(rest), "\n\t"), text)
	}
}

// golangciFix checks that --fix applies maplint's fixes, which compile.
func golangciFix(t *testing.T, bin string, want []finding) {
	g := golangci{t, bin}
	dir := copyExample(t)
	before := readFiles(t, dir)
	_, text, code := g.run(dir, "", "--fix")
	if code != 0 && code != 1 {
		t.Fatalf("--fix: exit %d\n%s", code, text)
	}
	after := readFiles(t, dir)
	for _, f := range want {
		if len(f.Fixes) > 0 && before[f.File] == after[f.File] {
			t.Errorf("--fix left %s unchanged; maplint offers %q for %s", f.File, f.Fixes[0].Message, f.key())
		}
	}
	for name := range after {
		if before[name] != after[name] {
			t.Logf("%s after --fix:\n%s", name, after[name])
		}
	}
	// The fixed module compiles, and what was fixed is no longer reported.
	if out, code := run(t, dir, []string{"GOWORK=off"}, "go", "vet", "./..."); code != 0 {
		t.Errorf("the fixed module does not build: %s", out)
	}
	for _, f := range reference(t, dir) {
		if len(f.Fixes) > 0 {
			t.Errorf("after --fix, maplint still offers a fix: %s", f.key())
		}
	}
}

// appendToLine appends s to line n (1-based) of file.
func appendToLine(t *testing.T, file string, n int, s string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[n-1] += s
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkSARIF checks that the SARIF report has a maplint result for every
// finding, at its place.
func checkSARIF(t *testing.T, file string, want []finding) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no SARIF report: %v", err)
	}
	var report struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("SARIF report: %v\n%s", err, data)
	}
	var got []string
	for _, r := range report.Runs {
		for _, res := range r.Results {
			if res.RuleID != "maplint" || strings.Contains(res.Message.Text, "(related information)") {
				continue
			}
			for _, l := range res.Locations {
				p := l.PhysicalLocation
				got = append(got, fmt.Sprintf("%s:%d:%d: %s", p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn, res.Message.Text))
			}
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, keys(want)) {
		t.Errorf("SARIF results\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(keys(want), "\n\t"))
	}
}
