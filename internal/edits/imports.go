// Copyright 2025 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.
//
// Origin: golang.org/x/tools@v0.48.0/internal/refactor/imports.go and
// refactor.go (AddImport, AddImportEdits, FreshName) and
// internal/packagepath (IsStdPackage), copied because x/tools internal
// packages cannot be imported. Changes: edits are analysis.TextEdit, and the
// helpers live in one file; isStdPackage accepts a quoted path.

package edits

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	pathpkg "path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// AddImport returns the prefix (either "pkg." or "") that should be used to
// qualify references to the desired symbol (member) imported from the
// specified package, plus any necessary edits to the file's import
// declaration to add a new import.
//
// If the import already exists, and is accessible at pos, AddImport returns
// the existing name and no edits. (If the existing import is a dot import,
// the prefix is "".)
//
// Otherwise, it adds a new import, using a local name derived from the
// preferred name.
//
// AddImport does not mutate its arguments.
func AddImport(info *types.Info, file *ast.File, preferredName, pkgpath, member string, pos token.Pos) (prefix string, edits []analysis.TextEdit) {
	// Find innermost enclosing lexical block.
	scope := info.Scopes[file].Innermost(pos)
	if scope == nil {
		scope = info.Scopes[file]
	}

	// Is there an existing import of this package?
	// If so, are we in its scope? (not shadowed)
	for _, spec := range file.Imports {
		pkgname := info.PkgNameOf(spec)
		if pkgname != nil && pkgname.Imported().Path() == pkgpath {
			name := pkgname.Name()
			if name == "." {
				// The scope of ident must be the file scope.
				if s, _ := scope.LookupParent(member, pos); s == info.Scopes[file] {
					return "", nil
				}
			} else if _, obj := scope.LookupParent(name, pos); obj == pkgname {
				return name + ".", nil
			}
		}
	}

	// We must add a new import.

	// Ensure we have a fresh name.
	newName := FreshName(scope, pos, preferredName)
	prefix = newName + "."

	// Use a renaming import whenever the preferred name is not
	// available, or the chosen name does not match the last
	// segment of its path.
	if newName == preferredName && newName == pathpkg.Base(pkgpath) {
		newName = ""
	}

	return prefix, addImportEdits(file, newName, pkgpath)
}

// FreshName returns the name of an identifier that is undefined at the
// specified position, based on the preferred name.
func FreshName(scope *types.Scope, pos token.Pos, preferred string) string {
	newName := preferred
	for i := 0; ; i++ {
		if _, obj := scope.LookupParent(newName, pos); obj == nil {
			break // fresh
		}
		newName = fmt.Sprintf("%s%d", preferred, i)
	}
	return newName
}

// addImportEdits returns the edits to add an import of the specified
// package, without any analysis of whether this is necessary or safe.
// If name is nonempty, it is used as an explicit [ast.ImportSpec.Name].
func addImportEdits(file *ast.File, name, pkgpath string) []analysis.TextEdit {
	newText := strconv.Quote(pkgpath)
	if name != "" {
		newText = name + " " + newText
	}

	// Create a new import declaration either before the first existing
	// declaration (if it exists), including its comments; or at the end of the
	// file (if there are no decls); or inside the declaration, if it is an
	// import group.
	var (
		before token.Pos
		decl0  ast.Decl
	)
	if len(file.Decls) > 0 {
		decl0 = file.Decls[0]
		before = decl0.Pos()
		switch decl0 := decl0.(type) {
		case *ast.GenDecl:
			if decl0.Doc != nil {
				before = decl0.Doc.Pos()
			}
		case *ast.FuncDecl:
			if decl0.Doc != nil {
				before = decl0.Doc.Pos()
			}
		}
	} else {
		before = file.FileEnd
	}
	var pos token.Pos
	if gd, ok := decl0.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Rparen.IsValid() {
		// Have existing grouped import ( ... ) decl.
		if isStdPackage(pkgpath) && len(gd.Specs) > 0 {
			// Add spec for a std package in its sorted place
			// among the leading std specs (maplint: gofmt sorts
			// a run of imports, and a fix written by -fix is not
			// formatted): before the first that sorts after it,
			// or after the last std spec, or before the first
			// spec, followed by a blank line if that one is
			// non-std.
			pos, newText = stdImportAt(gd.Specs, newText, pkgpath)
		} else {
			// Add spec at end of group.
			pos = gd.Rparen
			newText = "\t" + newText + "\n"
		}
	} else {
		// No import decl, or non-grouped import.
		// Add a new import decl before first decl.
		// (gofmt will merge multiple import decls.)
		pos = before
		newText = "import " + newText + "\n\n"
	}
	return []analysis.TextEdit{{
		Pos:     pos,
		End:     pos,
		NewText: []byte(newText),
	}}
}

// stdImportAt returns where and how to insert the import spec text of the
// std package pkgpath among specs: in order among the std specs of the
// first run (gofmt sorts each run of specs not broken by a blank line; a
// gap wider than "\n\t" between two specs is taken for one).
func stdImportAt(specs []ast.Spec, text, pkgpath string) (token.Pos, string) {
	last := -1 // the last leading std spec sorting before pkgpath
	var end token.Pos
	for i, s := range specs {
		spec := s.(*ast.ImportSpec)
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || !isStdPackage(spec.Path.Value) || p > pkgpath || i > 0 && spec.Pos()-end > 2 {
			break
		}
		last, end = i, spec.End()
		if spec.Comment != nil {
			end = spec.Comment.End()
		}
	}
	if last >= 0 {
		return end, "\n\t" + text
	}
	first := specs[0].(*ast.ImportSpec)
	if !isStdPackage(first.Path.Value) {
		text += "\n"
	}
	return first.Pos(), text + "\n\t"
}

// isStdPackage reports whether path is the import path of a standard package:
// one with no dot in its first segment.
func isStdPackage(path string) bool {
	path = strings.Trim(path, `"`)
	slash := strings.IndexByte(path, '/')
	if slash < 0 {
		slash = len(path)
	}
	return !strings.Contains(path[:slash], ".") && path != "testdata"
}
