// Package edits builds the text edits of maplint's suggested fixes: adding an
// import, inserting a statement before another at the right indentation, and
// replacing a statement without losing the comments inside it.
//
// Source text is always read through pass.ReadFile, so that gopls can serve
// unsaved editor buffers.
package edits

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Source gives the text of the files of one pass.
type Source struct {
	pass  *analysis.Pass
	files map[*token.File][]byte
}

// NewSource returns a Source for pass. It caches file contents, so make one
// per run.
func NewSource(pass *analysis.Pass) *Source {
	return &Source{pass: pass, files: make(map[*token.File][]byte)}
}

// file returns the content of the file containing pos.
func (s *Source) file(pos token.Pos) (*token.File, []byte, error) {
	tf := s.pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, fmt.Errorf("no file for position %d", pos)
	}
	if b, ok := s.files[tf]; ok {
		return tf, b, nil
	}
	b, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return nil, nil, err
	}
	if len(b) != tf.Size() {
		return nil, nil, fmt.Errorf("%s changed since it was parsed", tf.Name())
	}
	s.files[tf] = b
	return tf, b, nil
}

// Text returns the source text of n.
func (s *Source) Text(n ast.Node) (string, error) {
	tf, b, err := s.file(n.Pos())
	if err != nil {
		return "", err
	}
	return string(b[tf.Offset(n.Pos()):tf.Offset(n.End())]), nil
}

// Indent returns the white space that starts the line containing pos.
func (s *Source) Indent(pos token.Pos) (string, error) {
	tf, b, err := s.file(pos)
	if err != nil {
		return "", err
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(b) && (b[end] == ' ' || b[end] == '\t') {
		end++
	}
	return string(b[start:end]), nil
}

// InsertBefore returns an edit that inserts the lines of text (separated by
// "\n", without indentation) before stmt, each indented like stmt.
func (s *Source) InsertBefore(stmt ast.Node, text string) (analysis.TextEdit, error) {
	indent, err := s.Indent(stmt.Pos())
	if err != nil {
		return analysis.TextEdit{}, err
	}
	var buf strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		buf.WriteString(line)
		buf.WriteString("\n")
		buf.WriteString(indent)
	}
	return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(buf.String())}, nil
}

// Replace returns an edit that replaces node with text, whose lines after the
// first are indented like node's first line. Comments inside node are kept:
// they are moved, in order, before the replacement. (A fix must not delete
// what the user wrote about the code.)
func (s *Source) Replace(file *ast.File, node ast.Node, text string) (analysis.TextEdit, error) {
	indent, err := s.Indent(node.Pos())
	if err != nil {
		return analysis.TextEdit{}, err
	}
	var buf strings.Builder
	for _, cg := range file.Comments {
		if cg.Pos() >= node.Pos() && cg.End() <= node.End() {
			for _, c := range cg.List {
				buf.WriteString(c.Text)
				buf.WriteString("\n")
				buf.WriteString(indent)
			}
		}
	}
	buf.WriteString(strings.ReplaceAll(text, "\n", "\n"+indent))
	return analysis.TextEdit{Pos: node.Pos(), End: node.End(), NewText: []byte(buf.String())}, nil
}

// Format returns the source text of an AST expression or statement built by
// a fix, formatted as gofmt would.
func Format(fset *token.FileSet, n ast.Node) (string, error) {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, n); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Repeatable reports whether e is a chain of identifiers and field
// selections (xs, s.items): it has no calls or side effects, so a fix may
// write it a second time and read the same value.
func Repeatable(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return Repeatable(e.X)
	}
	return false
}
