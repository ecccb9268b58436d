// Package recall34 reproduces map races that public projects fixed, found
// fresh for a recall measure (none of them was in the pass's testdata
// before): one file per issue, named after the project, in the shape of
// the code before the fix, with the fixed code beside it as a silent twin.
// Races the pass does not find are in ../knownmiss instead.
package recall34
