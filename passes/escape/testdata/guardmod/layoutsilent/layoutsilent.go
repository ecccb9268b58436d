// Package layoutsilent uses linkname and unsafe in ways that do not depend
// on the runtime's map implementation.
package layoutsilent

import (
	"reflect"
	"unsafe"
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// provided defines a function that the directive pushes under another
// name: this package is the implementation.
//
//go:linkname provided other.mapaccess
func provided() {}

type header struct {
	data unsafe.Pointer
	n    int
}

func Slice(s []byte) *header { return (*header)(unsafe.Pointer(&s)) }

// Ref moves the map's reference, without reading its header.
func Ref(m map[string]int) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&m)) }

func Ptr(v any) *header { return (*header)(reflect.ValueOf(v).UnsafePointer()) }

func Now() int64 { return nanotime() }

// errNilAssign is defined here, with its value, and pushed to the map
// implementation under its name there: this package provides the symbol
// (as the runtime provides maps.errNilAssign), it reads nothing.
//
//go:linkname errNilAssign internal/runtime/maps.errNilAssign
var errNilAssign error = nilAssignError{}

type nilAssignError struct{}

func (nilAssignError) Error() string { return "assignment to entry in nil map" }

// collect ranges over the map at p as a map of another value type of the
// same size (goccy/go-json reads maps that way): the conversion names a
// map type, not the runtime's header, and every access goes through the
// runtime with that type's descriptor. It is type-unsafe when the value
// types differ in size or pointers, but it reads no private field.
func collect[V any](p unsafe.Pointer, out []V) []V {
	for _, v := range *(*map[string]V)(unsafe.Pointer(&p)) {
		out = append(out, v)
	}
	return out
}

// mapLen reads the length of the map at p as a map of any type.
func mapLen(p unsafe.Pointer) int {
	return len(*(*map[struct{}]struct{})(unsafe.Pointer(&p)))
}

var _, _ = collect[int], mapLen
