// Package a declares a struct whose field points to an incomplete C type,
// which cgo declares with runtime/cgo's Incomplete.
package a

/*
typedef struct S S;
*/
import "C"

// T holds a pointer to the incomplete C type S.
type T struct {
	X *C.S
}
