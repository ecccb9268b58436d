// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.
//
// Origin: golang.org/x/tools@v0.48.0/internal/analysis/analyzerutil/extractdoc.go,
// copied because x/tools internal packages cannot be imported. The only change
// is the package name, this header and one error message (for staticcheck).

// Package analysisdoc extracts an analyzer's documentation from its package's
// doc.go, so that godoc, `maplint help <pass>` and the analyzer URL show one text.
package analysisdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract is like [Extract] but it panics on error. It is called while
// analyzers are constructed, where a malformed doc.go is a programming error
// caught by every test of the pass.
func MustExtract(content, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// Extract extracts a section of a package doc comment from the provided
// contents of an analyzer package's doc.go file.
//
// A section is a portion of the comment between one heading and the next,
// using this form:
//
//	# Analyzer NAME
//
//	NAME: SUMMARY
//
//	Full description...
//
// where NAME matches the name argument, and SUMMARY is a brief verb-phrase
// that describes the analyzer. Extract returns the portion following the
// colon, which is the form expected by Analyzer.Doc.
func Extract(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file")
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package doc comment in the Go source file")
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		if body := strings.TrimPrefix(section, "Analyzer "+name); body != section &&
			body != "" &&
			(body[0] == '\r' || body[0] == '\n') {
			body = strings.TrimSpace(body)
			rest := strings.TrimPrefix(body, name+":")
			if rest == body {
				return "", fmt.Errorf("'Analyzer %s' heading not followed by '%s: summary...' line", name, name)
			}
			return strings.TrimSpace(rest), nil
		}
	}
	return "", fmt.Errorf("package doc comment contains no 'Analyzer %s' heading", name)
}
