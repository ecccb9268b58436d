package output

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/driver/output/sarifcheck"
)

var testPasses = []*analysis.Analyzer{
	{Name: "nilmerge", Doc: "nilmerge: report writes into maps that may be nil\n\nWriting into a nil map panics.", URL: "https://pkg.go.dev/github.com/maplint/maplint/passes/nilmerge"},
	{Name: "iterorder", Doc: "iterorder: report results that depend on map iteration order", URL: "https://pkg.go.dev/github.com/maplint/maplint/passes/iterorder"},
}

// sarifFixture writes a source file whose line 3 has a non-ASCII character
// before the finding, and returns the directory and findings in it.
func sarifFixture(t *testing.T) (string, []Finding) {
	dir := t.TempDir()
	src := "package p\n\nfunc f() { s := \"héllo\"; out[s] = 1 }\n"
	file := filepath.Join(dir, "sub dir", "a.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	off := strings.Index(src, "out[s]")
	lineStart := strings.Index(src, "func")
	at := func(offset int) token.Position {
		return token.Position{Filename: file, Offset: offset, Line: 3, Column: offset - lineStart + 1}
	}
	fs := []Finding{
		{
			Pass: "nilmerge", Category: "nilwrite", Package: "example.com/p",
			Posn: at(off), End: at(off + len("out[s]")),
			Message: "write to map out, which is nil",
			Related: []Related{{Posn: at(lineStart), Message: "out is declared here"}},
			Fixes: []Fix{{Message: "Initialize out before writing", Edits: []Edit{
				{Filename: file, Start: off, End: off, New: "if out == nil { out = make(map[string]int) }; "},
			}}},
		},
		{
			Pass: "unlisted", Package: "example.com/p",
			Posn:    token.Position{Filename: "/elsewhere/b.go", Line: 1, Column: 1},
			Message: "a finding of a pass the rules do not list, in a file outside the base",
		},
	}
	return dir, fs
}

func TestSARIFIsValid(t *testing.T) {
	dir, fs := sarifFixture(t)
	t.Chdir(dir)
	var buf bytes.Buffer
	if err := SARIF(&buf, fs, testPasses, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.Bytes())
	}
	buf.Reset()
	if err := SARIF(&buf, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF without findings: %v\n%s", err, buf.Bytes())
	}
}

func TestSARIFContent(t *testing.T) {
	dir, fs := sarifFixture(t)
	log := sarifLog(Dedup(fs), testPasses, "v1.2.3", dir, os.ReadFile)
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(data); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "maplint" || d.Version != "v1.2.3" || len(d.Rules) != 2 {
		t.Errorf("driver: %+v", d)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.ID != "nilmerge" || rule.ShortDescription.Text != "report writes into maps that may be nil" ||
		rule.FullDescription.Text != testPasses[0].Doc || rule.HelpURI != testPasses[0].URL {
		t.Errorf("rule: %+v", rule)
	}
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2", len(run.Results))
	}
	r, other := run.Results[0], run.Results[1] // sorted by file: /elsewhere before the temporary directory
	if r.RuleID != "nilmerge" {
		r, other = other, r
	}
	if r.RuleID != "nilmerge" || r.RuleIndex == nil || *r.RuleIndex != 0 || r.Level != "warning" || r.Properties["category"] != "nilwrite" {
		t.Errorf("result: %+v", r)
	}
	loc := r.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "sub%20dir/a.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact: %+v", loc.ArtifactLocation)
	}
	// "func f() { s := "héllo"; " has 25 characters and 26 bytes.
	if reg := loc.Region; reg.StartLine != 3 || reg.StartColumn != 26 || reg.EndLine != 3 || reg.EndColumn != 32 {
		t.Errorf("region: %+v", reg)
	}
	if rel := r.RelatedLocations[0]; rel.Message.Text != "out is declared here" || rel.PhysicalLocation.Region.StartColumn != 1 {
		t.Errorf("related: %+v", rel)
	}
	change := r.Fixes[0].ArtifactChanges[0]
	del := change.Replacements[0].DeletedRegion
	if r.Fixes[0].Description.Text != "Initialize out before writing" || change.ArtifactLocation.URI != "sub%20dir/a.go" ||
		*del.CharOffset != 36 || *del.CharLength != 0 || change.Replacements[0].InsertedContent.Text == "" {
		t.Errorf("fix: %+v %+v", r.Fixes[0], del)
	}
	if other.RuleIndex != nil || other.Locations[0].PhysicalLocation.ArtifactLocation.URI != "file:///elsewhere/b.go" {
		t.Errorf("result of an unlisted pass outside the base: %+v", other)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(got, "file:///") || !strings.HasSuffix(got, "/") {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
}

func TestSARIFDeterministic(t *testing.T) {
	dir, fs := sarifFixture(t)
	t.Chdir(dir)
	var a, b bytes.Buffer
	if err := SARIF(&a, fs, testPasses, "v1"); err != nil {
		t.Fatal(err)
	}
	if err := SARIF(&b, []Finding{fs[1], fs[0], fs[0]}, testPasses, "v1"); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("SARIF output depends on the order or duplicates of findings")
	}
}

// TestSARIFOddPositions checks positions a driver may produce for a
// diagnostic without a column or without a file.
func TestSARIFOddPositions(t *testing.T) {
	dir, fs := sarifFixture(t)
	f := fs[0]
	f.Posn.Column, f.End = 0, token.Position{}
	f.Related = []Related{{Message: "no position"}}
	log := sarifLog([]Finding{f}, testPasses, "", dir, os.ReadFile)
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(data); err != nil {
		t.Errorf("invalid SARIF: %v\n%s", err, data)
	}
	log = sarifLog([]Finding{{Pass: "nilmerge", Message: "a finding without a position"}}, testPasses, "", dir, os.ReadFile)
	if data, err = json.Marshal(log); err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(data); err != nil {
		t.Errorf("invalid SARIF: %v\n%s", err, data)
	}
}
