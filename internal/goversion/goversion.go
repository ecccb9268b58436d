// Package goversion answers, per file, which Go language version the file is
// compiled with, so that a fix only uses library functions and language
// features the file may use.
package goversion

import (
	"go/ast"
	"go/version"

	"golang.org/x/tools/go/analysis"
)

// Common versions that gate maplint's fixes.
const (
	// Go1_21 has the maps and slices packages (maps.Copy, slices.Sort) and clear.
	Go1_21 = "go1.21"
	// Go1_22 gives each loop iteration its own variables.
	Go1_22 = "go1.22"
	// Go1_23 has iterators: maps.Keys, maps.All, slices.Sorted, slices.Collect.
	Go1_23 = "go1.23"
)

// Of returns the Go version of file (such as "go1.22"), or "" when it is not
// known. The file's own //go:build constraint, if any, takes precedence over
// the package's version, as it does for the type checker.
func Of(pass *analysis.Pass, file *ast.File) string {
	if v, ok := pass.TypesInfo.FileVersions[file]; ok && v != "" {
		return v
	}
	return pass.Pkg.GoVersion()
}

// AtLeast reports whether file may use the features of Go version v (such as
// "go1.23"). It is false when the file's version is not known: a fix that
// might not compile is worse than no fix.
func AtLeast(pass *analysis.Pass, file *ast.File, v string) bool {
	fv := Of(pass, file)
	return fv != "" && version.Compare(fv, v) >= 0
}

// Before reports whether file is known to be compiled with a Go version older
// than v. It is false when the version is not known, so that checks about old
// semantics (such as per-loop range variables before Go 1.22) stay silent
// rather than guess.
func Before(pass *analysis.Pass, file *ast.File, v string) bool {
	fv := Of(pass, file)
	return fv != "" && version.Compare(fv, v) < 0
}
