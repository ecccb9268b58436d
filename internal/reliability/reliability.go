// Package reliability checks that maplint never crashes, never varies and
// never breaks code: it reads the command's -json output, finds panics and
// analysis errors, and applies every suggested fix as a go command overlay
// so that the fixed packages can be built and vetted without copying the
// tree (GOROOT/src included).
//
// The command bench/reliability drives it on std, cmd and the corpus; the
// tests in this package feed it malformed and oversized inputs and fuzz the
// passes in process.
package reliability

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A Diagnostic is one finding of the -json output (x/tools' JSON schema),
// with the package and pass that reported it.
type Diagnostic struct {
	Package  string // the package ID, e.g. "net/http [net/http.test]"
	Analyzer string
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Fixes    []Fix  `json:"suggested_fixes"`
}

// A Fix is one suggested fix: its edits apply together or not at all.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// An Edit replaces the bytes [Start, End) of Filename with New.
type Edit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// An AnalysisError is an analyzer's failure on a package.
type AnalysisError struct {
	Package, Analyzer, Err string
}

func (e AnalysisError) String() string { return e.Package + ": " + e.Analyzer + ": " + e.Err }

// Output is the parsed -json output of one run.
type Output struct {
	Diagnostics []Diagnostic
	Errors      []AnalysisError
}

// ParseJSON reads the -json output of maplint: one or more JSON objects
// mapping a package ID to a map from analyzer name to either a list of
// diagnostics or {"error": "..."}. Its result is in a fixed order
// (package, analyzer, then output order).
func ParseJSON(data []byte) (*Output, error) {
	out := new(Output)
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading -json output: %v", err)
		}
		for _, pkg := range sortedKeys(tree) {
			for _, an := range sortedKeys(tree[pkg]) {
				raw := tree[pkg][an]
				var e struct{ Error string }
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, fmt.Errorf("%s: %s: %v", pkg, an, err)
					}
					out.Errors = append(out.Errors, AnalysisError{pkg, an, e.Error})
					continue
				}
				var ds []Diagnostic
				if err := json.Unmarshal(raw, &ds); err != nil {
					return nil, fmt.Errorf("%s: %s: %v", pkg, an, err)
				}
				for _, d := range ds {
					d.Package, d.Analyzer = pkg, an
					out.Diagnostics = append(out.Diagnostics, d)
				}
			}
		}
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// crash matches what the Go runtime prints when a program dies: an
// unrecovered panic, a fatal error (concurrent map writes, out of memory)
// or a goroutine dump.
var crash = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[[a-z ]+\]:$)`)

// Crashed reports whether a command's standard error shows a panic, a fatal
// runtime error or a stack trace, and returns the first lines of it.
func Crashed(stderr []byte) (string, bool) {
	loc := crash.FindIndex(stderr)
	if loc == nil {
		return "", false
	}
	rest := stderr[loc[0]:]
	lines := strings.SplitAfterN(string(rest), "\n", 31)
	if len(lines) > 30 {
		lines = lines[:30]
	}
	return strings.Join(lines, ""), true
}

// BuildPackage returns the import path to build or vet for the package ID
// of the -json output: "p [p.test]" and "p_test [p.test]" both stand for p
// (go vet p checks its test files too); the generated "p.test" main has
// nothing to check and yields "".
func BuildPackage(id string) string {
	if i := strings.Index(id, " ["); i >= 0 {
		id = id[:i]
	} else if strings.HasSuffix(id, ".test") {
		return ""
	}
	return strings.TrimSuffix(id, "_test")
}

// A FixSet is a set of fixes to apply together. Fixes repeated by package
// variants (p and p [p.test] report the same finding) are kept once.
type FixSet struct {
	Fixes []AppliedFix
}

// An AppliedFix is a fix with the diagnostic and package it belongs to.
type AppliedFix struct {
	Diag    *Diagnostic
	Fix     *Fix
	Package string // import path to build and vet
}

// Fixes returns the fixes of the diagnostics: the first fix of each
// diagnostic in primary, and every other alternative in alternatives (each
// to be checked on its own), without duplicates.
func Fixes(diags []Diagnostic) (primary, alternatives []AppliedFix) {
	seen := make(map[string]bool)
	for i := range diags {
		d := &diags[i]
		pkg := BuildPackage(d.Package)
		for j := range d.Fixes {
			f := &d.Fixes[j]
			key := fixKey(f)
			if seen[key] || len(f.Edits) == 0 {
				continue
			}
			seen[key] = true
			af := AppliedFix{d, f, pkg}
			if j == 0 {
				primary = append(primary, af)
			} else {
				alternatives = append(alternatives, af)
			}
		}
	}
	return primary, alternatives
}

func fixKey(f *Fix) string {
	var b strings.Builder
	for _, e := range f.Edits {
		fmt.Fprintf(&b, "%s:%d:%d:%q;", e.Filename, e.Start, e.End, e.New)
	}
	return b.String()
}

// ErrConflict is returned by Apply for a fix whose edits overlap one
// already applied.
var ErrConflict = errors.New("edits overlap an earlier fix")

// Apply applies the fixes to the files they edit, read through readFile,
// and returns the new contents by file name. A fix that overlaps an earlier
// one in the list is skipped and returned in skipped, as maplint -fix skips
// it (the user re-runs to get it).
func Apply(fixes []AppliedFix, readFile func(string) ([]byte, error)) (files map[string][]byte, skipped []AppliedFix, err error) {
	byFile := make(map[string][]Edit)
	for _, af := range fixes {
		ok := true
		for _, e := range af.Fix.Edits {
			if slices.Contains(byFile[e.Filename], e) {
				continue // applied once (two fixes adding one import)
			}
			for _, prev := range byFile[e.Filename] {
				if overlaps(e, prev) {
					ok = false
				}
			}
		}
		// Edits of one fix must not overlap each other either, though
		// insertions at one offset are fine: they apply in order.
		for i, e := range af.Fix.Edits {
			for _, f := range af.Fix.Edits[:i] {
				if e.Filename == f.Filename && overlaps(e, f) && !(e.Start == e.End && f.Start == f.End) {
					return nil, nil, fmt.Errorf("%s: fix %q has overlapping edits", af.Diag.Posn, af.Fix.Message)
				}
			}
		}
		if !ok {
			skipped = append(skipped, af)
			continue
		}
		for _, e := range af.Fix.Edits {
			if !slices.Contains(byFile[e.Filename], e) {
				byFile[e.Filename] = append(byFile[e.Filename], e)
			}
		}
	}
	files = make(map[string][]byte)
	for name, edits := range byFile {
		src, err := readFile(name)
		if err != nil {
			return nil, nil, err
		}
		out, err := applyEdits(src, edits)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", name, err)
		}
		files[name] = out
	}
	return files, skipped, nil
}

// overlaps reports whether two edits of the same file touch the same bytes;
// two insertions at one offset overlap too, since their order is undefined.
func overlaps(a, b Edit) bool {
	if a.Filename != b.Filename || a == b {
		return false // identical edits (two fixes adding one import) apply once
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

func applyEdits(src []byte, edits []Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of range or overlapping (file has %d bytes)", e.Start, e.End, len(src))
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// WriteOverlay writes the files to dir and an overlay description for the
// go command (-overlay) that replaces each original file by its copy, and
// returns the path of the description.
func WriteOverlay(dir string, files map[string][]byte) (string, error) {
	type overlay struct{ Replace map[string]string }
	o := overlay{Replace: make(map[string]string)}
	for i, name := range sortedKeys(files) {
		copyName := filepath.Join(dir, fmt.Sprintf("%d-%s", i, filepath.Base(name)))
		if err := os.WriteFile(copyName, files[name], 0o644); err != nil {
			return "", err
		}
		o.Replace[name] = copyName
	}
	data, err := json.MarshalIndent(o, "", "\t")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "overlay.json")
	return path, os.WriteFile(path, data, 0o644)
}
