package main_test

// End-to-end tests of what the command prints: the pass of every finding,
// related lines that a line counter does not count, each finding once
// although a package's test variant repeats it, SARIF valid against the
// official schema, unknown passes in directives, and -fix reporting what it
// left. testdata/modules/variants has an in-package test, so that every
// finding of package lib is found twice, in lib and in lib [lib.test].

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/driver/output/sarifcheck"
	"github.com/maplint/maplint/internal/testbin"
)

// findingLine is what users count findings with: grep -c ':[0-9]*:[0-9]*: '.
var findingLine = regexp.MustCompile(`:[0-9]*:[0-9]*: `)

// The four findings of testdata/modules/variants, in the order printed.
var variantsFindings = []*regexp.Regexp{
	regexp.MustCompile(`lib[/\\]lib\.go:17:3: write to map out, which is nil .* \(nilmerge\)$`),
	regexp.MustCompile(`lib[/\\]lib\.go:25:2: write to map m, which is nil .* \(nilmerge\)$`),
	regexp.MustCompile(`lib[/\\]lib\.go:36:2: maplint:ignore directive names unknown pass nilmerg \(did you mean nilmerge\?\).* \(nilmerge\)$`),
	regexp.MustCompile(`lib[/\\]lib\.go:37:2: write to map m, which is nil .* \(nilmerge\)$`),
}

func TestTextOutput(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "variants"), bin, "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	var findings []string
	for line := range strings.Lines(out) {
		line = strings.TrimSuffix(line, "\n")
		if findingLine.MatchString(line) {
			findings = append(findings, line)
		} else if !strings.HasPrefix(line, "\t") {
			t.Errorf("line is neither a finding nor an indented related line: %q", line)
		}
	}
	if len(findings) != len(variantsFindings) {
		t.Fatalf("a line counter counts %d findings, want %d (each once, related lines not counted):\n%s", len(findings), len(variantsFindings), out)
	}
	for i, re := range variantsFindings {
		if !re.MatchString(findings[i]) {
			t.Errorf("finding %d is %q, want %s", i, findings[i], re)
		}
	}
	if !strings.Contains(out, "\tthe map is nil from here") {
		t.Errorf("related lines missing:\n%s", out)
	}
}

func TestJSONListsFindingsOnce(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "variants"), bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("maplint -json exited %d\n%s", code, out)
	}
	var tree map[string]map[string][]struct{ Posn, Message string }
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	for pkg := range tree {
		if strings.Contains(pkg, "[") {
			t.Errorf("a test variant has its own entry: %q", pkg)
		}
	}
	if n := len(tree["example.com/variants/lib"]["nilmerge"]); n != len(variantsFindings) {
		t.Errorf("%d nilmerge findings in example.com/variants/lib, want %d:\n%s", n, len(variantsFindings), out)
	}
}

func TestSARIF(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "variants"), bin, "-sarif", "./...")
	if code != 0 {
		t.Fatalf("maplint -sarif exited %d\n%s", code, out)
	}
	if err := sarifcheck.Validate([]byte(out)); err != nil {
		t.Fatalf("maplint -sarif is not valid SARIF 2.1.0: %v\n%s", err, out)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	sr := log.Runs[0]
	if len(sr.Tool.Driver.Rules) == 0 || sr.Tool.Driver.Rules[0].ID != "nilmerge" || sr.Tool.Driver.Rules[0].HelpURI == "" {
		t.Errorf("rules: %+v", sr.Tool.Driver.Rules)
	}
	if len(sr.Results) != len(variantsFindings) {
		t.Fatalf("%d results, want %d", len(sr.Results), len(variantsFindings))
	}
	if loc := sr.Results[0].Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "lib/lib.go" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("location %+v, want lib/lib.go relative to %%SRCROOT%%", loc)
	}
	if len(sr.Results[0].Fixes) == 0 {
		t.Errorf("the merge finding has no fix in SARIF")
	}
}

func TestFixReportsWhatRemains(t *testing.T) {
	bin := testbin.Maplint(t)
	out, code := run(t, module(t, "variants"), bin, "-fix", "./...")
	if code != 3 {
		t.Errorf("maplint -fix exited %d with findings left, want 3\n%s", code, out)
	}
	for _, want := range []string{"write to map m, which is nil here: m is passed nil", "names unknown pass nilmerg"} {
		if !strings.Contains(out, want) {
			t.Errorf("maplint -fix does not report the finding it could not fix (%q):\n%s", want, out)
		}
	}
	// The fix of the first finding inserts an import ("maps"), two lines:
	// the findings left are printed where they are in the file as written.
	for _, want := range []string{`lib[/\\]lib\.go:28:2: write to map m`, `lib[/\\]lib\.go:39:2: maplint:ignore directive`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("maplint -fix output lacks %s (positions after the fixes):\n%s", want, out)
		}
	}
	if strings.Contains(out, "write to map out") {
		t.Errorf("maplint -fix reports a finding it fixed:\n%s", out)
	}
}
