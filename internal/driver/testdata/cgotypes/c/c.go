// Package c is b with runtime/cgo imported explicitly, so that the run
// lists it as a dependency of c but not of a (cmd/cgo/internal/test's
// shape, where issue41761.go failed to type-check).
package c

/*
typedef struct S S;
*/
import "C"

import (
	_ "runtime/cgo"

	"example.com/cgotypes/a"
)

// F returns t's pointer as c's C type.
func F(t a.T) *C.struct_S {
	return (*C.struct_S)(t.X)
}
