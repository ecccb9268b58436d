package output

import (
	"bytes"
	"cmp"
	"go/token"
	"slices"
)

// Relocate returns the findings of fs with their positions moved to where
// their code is after the edits applied were written, so that the findings
// -fix prints as remaining point into the files as they now are, not as
// they were when analysed. readFile reads a file as written.
//
// A position after an edit moves by the length the edit added or removed;
// one at an insertion point moves past the inserted text (the code it
// points at follows it); one inside a replaced range moves to the start of
// the replacement. Positions in files without applied edits are unchanged.
// A fix of a remaining finding whose edits overlap an applied edit no longer
// applies and is dropped; the others are moved like positions. Identical
// edits in applied count once, as the driver applies them once.
func Relocate(fs []Finding, applied []Edit, readFile func(string) ([]byte, error)) []Finding {
	byFile := make(map[string][]Edit)
	for _, e := range applied {
		if !slices.Contains(byFile[e.Filename], e) {
			byFile[e.Filename] = append(byFile[e.Filename], e)
		}
	}
	if len(byFile) == 0 {
		return fs
	}
	for _, edits := range byFile {
		slices.SortFunc(edits, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	}
	r := relocator{edits: byFile, readFile: readFile, files: make(map[string][]byte)}
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.Posn = r.position(f.Posn)
		f.End = r.position(f.End)
		f.Related = slices.Clone(f.Related)
		for j := range f.Related {
			f.Related[j].Posn = r.position(f.Related[j].Posn)
		}
		var fixes []Fix
		for _, fix := range f.Fixes {
			if moved, ok := r.fix(fix); ok {
				fixes = append(fixes, moved)
			}
		}
		f.Fixes = fixes
		out[i] = f
	}
	return out
}

type relocator struct {
	edits    map[string][]Edit // applied edits by file, sorted by start
	readFile func(string) ([]byte, error)
	files    map[string][]byte // contents as written; nil when unreadable
}

// offset maps a byte offset of the file before the edits to one after.
func (r *relocator) offset(filename string, off int) int {
	delta := 0
	for _, e := range r.edits[filename] {
		switch {
		case e.End < off || e.End == off && (e.Start < off || e.Start == e.End):
			// Before off, or an insertion at off: off moves past it.
			delta += len(e.New) - (e.End - e.Start)
		case e.Start <= off && off < e.End:
			return e.Start + delta // inside a replaced range
		}
	}
	return off + delta
}

// position moves p, recomputing its line and column from the file as
// written; p is unchanged if its file has no applied edits or cannot be read.
func (r *relocator) position(p token.Position) token.Position {
	if !p.IsValid() || len(r.edits[p.Filename]) == 0 {
		return p
	}
	data, ok := r.files[p.Filename]
	if !ok {
		data, _ = r.readFile(p.Filename)
		r.files[p.Filename] = data
	}
	off := r.offset(p.Filename, p.Offset)
	if data == nil || off > len(data) {
		return p
	}
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	return token.Position{
		Filename: p.Filename,
		Offset:   off,
		Line:     bytes.Count(data[:off], []byte("\n")) + 1,
		Column:   off - lineStart + 1,
	}
}

// fix moves the edits of fix, or reports false if one overlaps an applied
// edit.
func (r *relocator) fix(fix Fix) (Fix, bool) {
	moved := Fix{Message: fix.Message, Edits: make([]Edit, 0, len(fix.Edits))}
	for _, e := range fix.Edits {
		for _, x := range r.edits[e.Filename] {
			if e.Start < x.End && x.Start < e.End || e.Start == x.Start {
				return Fix{}, false
			}
		}
		moved.Edits = append(moved.Edits, Edit{
			Filename: e.Filename,
			Start:    r.offset(e.Filename, e.Start),
			End:      r.offset(e.Filename, e.End),
			New:      e.New,
		})
	}
	return moved, true
}
