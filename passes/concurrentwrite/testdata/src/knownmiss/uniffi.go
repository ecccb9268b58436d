// NordSecurity/uniffi-bindgen-go#28, "concurrentHandleMap.tryGet is not
// safe" (can cause fatal error: concurrent map read and map write): the
// generated callback runtime keeps callback objects in a generic handle
// map whose insert and remove hold its mutex, while tryGet, which every
// callback invocation from the foreign side runs, read leftMap without
// it. The fix (#29) locks in tryGet too (an RWMutex, read-locked there).
//
// Missed (a read: found, if at all, with -concurrentwrite.reads): the
// concurrent callers are foreign threads calling the generated cgo
// //export functions, which are not in this reduction (a test package
// without cgo); nothing in the package is exported or started as a
// goroutine that reaches tryGet, so it is not taken to run alongside the
// locked writes.
package knownmiss

import (
	"fmt"
	"sync"
)

type concurrentHandleMap[T any] struct {
	leftMap       map[uint64]*T
	rightMap      map[*T]uint64
	currentHandle uint64
	lock          sync.Mutex
}

func newConcurrentHandleMap[T any]() *concurrentHandleMap[T] {
	return &concurrentHandleMap[T]{leftMap: map[uint64]*T{}, rightMap: map[*T]uint64{}}
}

func (cm *concurrentHandleMap[T]) insert(obj *T) uint64 {
	cm.lock.Lock()
	defer cm.lock.Unlock()
	if existingHandle, ok := cm.rightMap[obj]; ok {
		return existingHandle
	}
	cm.currentHandle = cm.currentHandle + 1
	cm.leftMap[cm.currentHandle] = obj
	cm.rightMap[obj] = cm.currentHandle
	return cm.currentHandle
}

func (cm *concurrentHandleMap[T]) remove(handle uint64) bool {
	cm.lock.Lock()
	defer cm.lock.Unlock()
	if val, ok := cm.leftMap[handle]; ok {
		delete(cm.leftMap, handle)
		delete(cm.rightMap, val)
	}
	return false
}

// tryGet is the racing reader.
func (cm *concurrentHandleMap[T]) tryGet(handle uint64) (*T, bool) {
	val, ok := cm.leftMap[handle]
	return val, ok
}

// tryGetFixed is the fix.
func (cm *concurrentHandleMap[T]) tryGetFixed(handle uint64) (*T, bool) {
	cm.lock.Lock()
	defer cm.lock.Unlock()
	val, ok := cm.leftMap[handle]
	return val, ok
}

type FfiConverterCallbackInterface[CallbackInterface any] struct {
	handleMap *concurrentHandleMap[CallbackInterface]
}

func (c *FfiConverterCallbackInterface[CallbackInterface]) drop(handle uint64) {
	c.handleMap.remove(handle)
}

func (c *FfiConverterCallbackInterface[CallbackInterface]) lift(handle uint64) CallbackInterface {
	val, ok := c.handleMap.tryGet(handle)
	if !ok {
		panic(fmt.Errorf("no callback in handle map: %d", handle))
	}
	return *val
}

func (c *FfiConverterCallbackInterface[CallbackInterface]) liftFixed(handle uint64) CallbackInterface {
	val, ok := c.handleMap.tryGetFixed(handle)
	if !ok {
		panic(fmt.Errorf("no callback in handle map: %d", handle))
	}
	return *val
}

func (c *FfiConverterCallbackInterface[CallbackInterface]) lower(value CallbackInterface) uint64 {
	return c.handleMap.insert(&value)
}
