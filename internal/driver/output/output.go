// Package output prints maplint's findings. STAND-IN until the output
// package lands on main: replaced wholesale by the real one.
package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"
)

// Edit replaces the bytes [Start, End) of Filename by New.
type Edit struct {
	Filename   string
	Start, End int
	New        string
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Related is a secondary position of a finding.
type Related struct {
	Posn    token.Position
	Message string
}

// Finding is one diagnostic.
type Finding struct {
	Pass, Category, Package string
	Posn, End               token.Position
	Message                 string
	Related                 []Related
	Fixes                   []Fix
}

// Text prints findings as file:line:col: message (pass).
func Text(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		fmt.Fprintf(w, "%s: %s (%s)\n", f.Posn, f.Message, f.Pass)
		for _, r := range f.Related {
			fmt.Fprintf(w, "\t%s: %s\n", r.Posn, r.Message)
		}
	}
	return nil
}

// JSON prints findings as multichecker's tree.
func JSON(w io.Writer, fs []Finding) error {
	type jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	type jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	type jsonDiag struct {
		Category       string    `json:"category,omitempty"`
		Posn           string    `json:"posn"`
		Message        string    `json:"message"`
		SuggestedFixes []jsonFix `json:"suggested_fixes,omitempty"`
	}
	tree := map[string]map[string][]jsonDiag{}
	for _, f := range fs {
		if tree[f.Package] == nil {
			tree[f.Package] = map[string][]jsonDiag{}
		}
		d := jsonDiag{Category: f.Category, Posn: f.Posn.String(), Message: f.Message}
		for _, x := range f.Fixes {
			jf := jsonFix{Message: x.Message}
			for _, e := range x.Edits {
				jf.Edits = append(jf.Edits, jsonEdit(e))
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		tree[f.Package][f.Pass] = append(tree[f.Package][f.Pass], d)
	}
	b, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// SARIF is not implemented by the stand-in.
func SARIF(w io.Writer, fs []Finding, passes []*analysis.Analyzer, version string) error {
	return errors.New("sarif: not implemented")
}

// Progress reports packages done.
type Progress interface {
	Start(total int)
	Done(pkg string)
	Finish()
}

type noProgress struct{}

func (noProgress) Start(int)   {}
func (noProgress) Done(string) {}
func (noProgress) Finish()     {}

// NewProgress returns a no-op progress.
func NewProgress(w *os.File) Progress { return noProgress{} }
