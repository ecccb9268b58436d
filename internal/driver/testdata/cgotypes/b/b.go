// Package b converts a's pointer to its own cgo declaration of the same C
// type: the two are identical only if both packages see the same
// runtime/cgo.Incomplete. Neither imports runtime/cgo in its source.
package b

/*
typedef struct S S;
*/
import "C"

import "example.com/cgotypes/a"

// F returns t's pointer as b's C type.
func F(t a.T) *C.struct_S {
	return (*C.struct_S)(t.X)
}
