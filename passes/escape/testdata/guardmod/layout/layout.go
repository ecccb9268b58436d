// Package layout depends on the runtime's private map implementation:
// linknames to its map functions and unsafe reinterpretations of a map's
// header.
package layout

import (
	"reflect"
	"unsafe"
)

type hmap struct {
	count     int
	flags     uint8
	B         uint8
	noverflow uint16
	hash0     uint32
	buckets   unsafe.Pointer
}

type hiter struct {
	key  unsafe.Pointer
	elem unsafe.Pointer
	rest [10]uintptr
}

//go:linkname mapaccess1_faststr runtime.mapaccess1_faststr
func mapaccess1_faststr(t, m unsafe.Pointer, key string) unsafe.Pointer // want `linkname to runtime.mapaccess1_faststr depends on the runtime's private map implementation`

//go:linkname mapassign runtime.mapassign
func mapassign(t, m, key unsafe.Pointer) unsafe.Pointer // want `linkname to runtime.mapassign depends.*; no fix: the portable code \(range, len, clear, the maps package, reflect.Value.MapRange\) depends on what this code does with the map$`

//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t, m unsafe.Pointer, it *hiter) // want `linkname to runtime.mapiterinit depends`

//go:linkname reflectIterNext reflect.mapiternext
func reflectIterNext(it *hiter) // want `linkname to reflect.mapiternext depends`

//go:linkname newMap internal/runtime/maps.NewEmptyMap
func newMap() unsafe.Pointer // want `linkname to internal/runtime/maps.NewEmptyMap depends`

// A variable declared without a value takes the implementation's: a pull.
//
//go:linkname errNilAssign internal/runtime/maps.errNilAssign
var errNilAssign error // want `linkname to internal/runtime/maps.errNilAssign depends`

func Count(m map[string]int) int {
	h := *(**hmap)(unsafe.Pointer(&m)) // want `unsafe conversion reinterprets a pointer to map m as \*\*hmap.*; no fix: the portable code \(range, len, clear, the maps package, reflect.Value.MapRange\) depends on what this code does with the map$`
	return h.count
}

func Header(m map[string]int) *hmap {
	return (*hmap)(unsafe.Pointer(&m)) // want `unsafe conversion reinterprets a pointer to map m as \*hmap`
}

func Buckets(m map[int]int) unsafe.Pointer {
	h := (*hmap)(unsafe.Pointer(reflect.ValueOf(m).Pointer())) // want `unsafe conversion reinterprets the reflect pointer of map m as \*hmap`
	return h.buckets
}

func Flags(m map[int]int) uint8 {
	h := (*hmap)(reflect.ValueOf(m).UnsafePointer()) // want `unsafe conversion reinterprets the reflect pointer of map m as \*hmap`
	return h.flags
}

func Loaded(m map[string]int) int {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
	return (*hmap)(p).count // want `unsafe conversion reinterprets a pointer to map m as \*hmap`
}
