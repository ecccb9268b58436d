// Package recall34 reproduces nil-map panics that public projects hit and
// fixed, found for the recall measure of stop 34: each file holds one
// issue's code in its shape before the fix, and the fixed code beside it
// as the silent twin.
package recall34
