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
