package output

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// SARIF 2.1.0 names.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRoot      = "%SRCROOT%" // the uriBaseId of files under the working directory
	toolURI      = "https://pkg.go.dev/github.com/maplint/maplint"
)

// SARIF writes fs as a SARIF 2.1.0 log, for GitHub code scanning and other
// SARIF consumers. Each pass of passes is a rule (id = pass name, its doc's
// summary, full doc and URL); each finding is a result of level warning with
// its location, related locations and fixes. Files under the working
// directory are named relative to it, with uriBaseId %SRCROOT%, which is
// what code scanning expects when maplint runs at the root of a repository;
// other files by absolute file URI. version is maplint's version (see
// internal/version), omitted when empty.
//
// SARIF counts columns and offsets in characters (Unicode code points, the
// run's columnKind), where go/token counts bytes: SARIF reads each file that
// has findings to convert them, and keeps byte counts, exact for ASCII
// lines, for a file it cannot read.
func SARIF(w io.Writer, fs []Finding, passes []*analysis.Analyzer, version string) error {
	base, err := os.Getwd()
	if err != nil {
		return err
	}
	log := sarifLog(Dedup(fs), passes, version, base, os.ReadFile)
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// sarifLog builds the log; base is the directory %SRCROOT% stands for and
// readFile reads a source file.
func sarifLog(fs []Finding, passes []*analysis.Analyzer, version, base string, readFile func(string) ([]byte, error)) *sarifRoot {
	driver := sarifDriver{
		Name:           "maplint",
		Version:        version,
		InformationURI: toolURI,
		Rules:          []sarifRule{},
	}
	ruleIndex := make(map[string]int)
	for _, a := range passes {
		if _, dup := ruleIndex[a.Name]; dup {
			continue
		}
		ruleIndex[a.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, ruleFor(a))
	}

	conv := &converter{base: base, readFile: readFile, files: make(map[string][]byte)}
	results := []sarifResult{}
	for _, f := range fs {
		r := sarifResult{
			RuleID:  f.Pass,
			Level:   "warning",
			Message: sarifMessage{Text: f.Message},
		}
		if loc := conv.location(f.Posn, endOf(f), ""); loc.PhysicalLocation != nil {
			r.Locations = []sarifLocation{loc}
		}
		if i, ok := ruleIndex[f.Pass]; ok {
			r.RuleIndex = &i
		}
		if f.Category != "" {
			r.Properties = map[string]string{"category": f.Category}
		}
		for i, rel := range f.Related {
			loc := conv.location(rel.Posn, rel.Posn, rel.Message)
			loc.ID = &i
			r.RelatedLocations = append(r.RelatedLocations, loc)
		}
		for _, fix := range f.Fixes {
			r.Fixes = append(r.Fixes, conv.fix(fix))
		}
		results = append(results, r)
	}

	run := sarifRun{
		Tool:       sarifTool{Driver: driver},
		ColumnKind: "unicodeCodePoints",
		Results:    results,
	}
	if base != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{
			srcRoot: {URI: fileURI(base) + "/"},
		}
	}
	return &sarifRoot{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// ruleFor describes pass a as a rule. The summary drops the "name: " that
// starts every analyzer's doc, since the rule's id already says it.
func ruleFor(a *analysis.Analyzer) sarifRule {
	first, _, _ := strings.Cut(a.Doc, "\n")
	short := strings.TrimPrefix(first, a.Name+": ")
	r := sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifMessage{Text: short},
		FullDescription:      sarifMessage{Text: a.Doc},
		HelpURI:              a.URL,
		DefaultConfiguration: &sarifConfiguration{Level: "warning"},
	}
	if a.Doc != "" {
		r.Help = &sarifMessage{Text: a.Doc}
	}
	return r
}

// A converter turns go/token positions and byte offsets into SARIF
// locations, reading each file once.
type converter struct {
	base     string
	readFile func(string) ([]byte, error)
	files    map[string][]byte // nil value: unreadable
}

func (c *converter) content(filename string) []byte {
	data, ok := c.files[filename]
	if !ok {
		data, _ = c.readFile(filename)
		c.files[filename] = data
	}
	return data
}

// artifact names filename relative to the base when it is under it.
func (c *converter) artifact(filename string) sarifArtifactLocation {
	if c.base != "" && filepath.IsAbs(filename) {
		if rel, err := filepath.Rel(c.base, filename); err == nil && filepath.IsLocal(rel) {
			return sarifArtifactLocation{URI: relativeURI(rel), URIBaseID: srcRoot}
		}
	}
	if filepath.IsAbs(filename) {
		return sarifArtifactLocation{URI: fileURI(filename)}
	}
	return sarifArtifactLocation{URI: relativeURI(filename)}
}

// column converts the byte column of p to a character column.
func (c *converter) column(p token.Position) int {
	data := c.content(p.Filename)
	lineStart := p.Offset - (p.Column - 1)
	if data == nil || p.Column < 1 || lineStart < 0 || p.Offset > len(data) {
		return p.Column
	}
	return utf8.RuneCount(data[lineStart:p.Offset]) + 1
}

// charOffset converts a byte offset in filename to a character offset.
func (c *converter) charOffset(filename string, offset int) int {
	data := c.content(filename)
	if data == nil || offset < 0 || offset > len(data) {
		return offset
	}
	return utf8.RuneCount(data[:offset])
}

// location returns the location of [start, end); it has no physical
// location when start has no file or line, which SARIF cannot express.
func (c *converter) location(start, end token.Position, message string) sarifLocation {
	var loc sarifLocation
	if start.IsValid() && start.Filename != "" {
		region := &sarifRegion{StartLine: start.Line, StartColumn: c.column(start)}
		if end.IsValid() && end.Filename == start.Filename && comparePosition(start, end) < 0 {
			region.EndLine = end.Line
			region.EndColumn = c.column(end)
		}
		loc.PhysicalLocation = &sarifPhysicalLocation{ArtifactLocation: c.artifact(start.Filename), Region: region}
	}
	if message != "" {
		loc.Message = &sarifMessage{Text: message}
	}
	return loc
}

func (c *converter) fix(fix Fix) sarifFix {
	sf := sarifFix{Description: sarifMessage{Text: fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	byFile := make(map[string]int) // index in sf.ArtifactChanges
	for _, e := range fix.Edits {
		i, ok := byFile[e.Filename]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[e.Filename] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: c.artifact(e.Filename)})
		}
		start := c.charOffset(e.Filename, e.Start)
		length := c.charOffset(e.Filename, e.End) - start
		ch := &sf.ArtifactChanges[i]
		ch.Replacements = append(ch.Replacements, sarifReplacement{
			DeletedRegion:   sarifRegion{CharOffset: &start, CharLength: &length},
			InsertedContent: &sarifContent{Text: e.New},
		})
	}
	return sf
}

// relativeURI is the URI reference of a relative file path.
func relativeURI(rel string) string {
	return (&url.URL{Path: filepath.ToSlash(rel)}).String()
}

// fileURI is the file URI of an absolute path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows path: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// The SARIF 2.1.0 objects maplint writes: only the properties it fills.
type (
	sarifRoot struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                           `json:"columnKind"`
		Results            []sarifResult                    `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string              `json:"id"`
		ShortDescription     sarifMessage        `json:"shortDescription"`
		FullDescription      sarifMessage        `json:"fullDescription"`
		Help                 *sarifMessage       `json:"help,omitempty"`
		HelpURI              string              `json:"helpUri,omitempty"`
		DefaultConfiguration *sarifConfiguration `json:"defaultConfiguration,omitempty"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string            `json:"ruleId"`
		RuleIndex        *int              `json:"ruleIndex,omitempty"`
		Level            string            `json:"level"`
		Message          sarifMessage      `json:"message"`
		Locations        []sarifLocation   `json:"locations,omitempty"`
		RelatedLocations []sarifLocation   `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix        `json:"fixes,omitempty"`
		Properties       map[string]string `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		Message          *sarifMessage          `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		CharOffset  *int `json:"charOffset,omitempty"`
		CharLength  *int `json:"charLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent,omitempty"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
)
