package output

import (
	"encoding/json"
	"io"
)

// JSON writes fs as the JSON tree of x/tools' multichecker and go vet -json:
//
//	{"pkgpath": {"pass": [{"posn": "file.go:12:3", "end": "file.go:12:10",
//	  "message": "...", "category": "...",
//	  "suggested_fixes": [{"message": "...", "edits": [{"filename": "...", "start": 10, "end": 20, "new": "..."}]}],
//	  "related": [{"posn": "...", "end": "...", "message": "..."}]}]}}
//
// Unlike the multichecker's tree, which is keyed by package ID and so lists
// a finding once for a package and again for its test variant ("p" and
// "p [p.test]"), it is keyed by package path and lists each finding once.
// The output is one indented JSON object and a newline, "{}" when there are
// no findings.
func JSON(w io.Writer, fs []Finding) error {
	return JSONWithErrors(w, fs, nil)
}

// A PackageError is an error of one pass on one package, such as the
// multichecker reports in its JSON tree as {"error": "..."} in place of the
// pass's findings.
type PackageError struct {
	Package string // package path
	Pass    string
	Err     string
}

// JSONWithErrors is like [JSON] and also records errs in the tree, as
// {"pkgpath": {"pass": {"error": "message"}}}, the form the multichecker
// uses. A pass that has an error on a package lists no findings there.
func JSONWithErrors(w io.Writer, fs []Finding, errs []PackageError) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, pass string, v any) {
		m, ok := tree[pkg]
		if !ok {
			m = make(map[string]any)
			tree[pkg] = m
		}
		m[pass] = v
	}
	for _, f := range Dedup(fs) {
		pkg := f.Package
		list, _ := tree[pkg][f.Pass].([]jsonDiagnostic)
		add(pkg, f.Pass, append(list, toJSON(f)))
	}
	for _, e := range errs {
		add(basePackage(e.Package), e.Pass, jsonError{e.Err})
	}
	// encoding/json writes map keys sorted, so the output is deterministic.
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// The JSON types mirror x/tools' internal/analysis/driverutil, which the
// multichecker, unitchecker and go vet -json share.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

func toJSON(f Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.Category,
		Posn:     f.Posn.String(),
		End:      endOf(f).String(),
		Message:  f.Message,
	}
	for _, fix := range f.Fixes {
		jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
		for _, e := range fix.Edits {
			jf.Edits = append(jf.Edits, jsonEdit(e))
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, r := range f.Related {
		// Related places carry no end: the end is the start, as the
		// multichecker writes for a diagnostic without one.
		d.Related = append(d.Related, jsonRelated{Posn: r.Posn.String(), End: r.Posn.String(), Message: r.Message})
	}
	return d
}
