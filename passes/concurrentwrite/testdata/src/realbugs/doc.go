// Package realbugs reproduces map races that public projects fixed, each in
// the shape of the code before the fix, one file per issue (named in the
// file's first comment). Every one must be found.
package realbugs
