package readsilent

import (
	"sync"
	"sync/atomic"
)

// infoMapInit is encoding/gob's typeInfoMapInit: a map filled while the
// package initialises and set to nil at the end of init, after which its
// readers find nil and use the copy-on-write infoMap. Every access to it
// runs during init, alone.
var (
	infoLock    sync.Mutex
	infoMapInit = make(map[string]int, 16)
	infoMap     atomic.Value
)

func lookupInfo(k string) int {
	if m := infoMapInit; m != nil {
		return m[k]
	}
	m, _ := infoMap.Load().(map[string]int)
	return m[k]
}

func buildInfo(k string) {
	infoLock.Lock()
	defer infoLock.Unlock()
	if m := infoMapInit; m != nil {
		m[k] = len(m)
		return
	}
	old, _ := infoMap.Load().(map[string]int)
	m := make(map[string]int, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[k] = len(old)
	infoMap.Store(m)
}

func Register(k string) { buildInfo(k) }

func Info(k string) int {
	if v := lookupInfo(k); v != 0 {
		return v
	}
	buildInfo(k)
	return lookupInfo(k)
}

func init() {
	Register("int")
	infoMap.Store(infoMapInit)
	infoMapInit = nil
}

// kinds is its twin without the reset: a map filled under kindLock by
// Kind, read without it by Known.
var (
	kindLock sync.Mutex
	kinds    = make(map[string]int)
)

func Kind(k string) {
	kindLock.Lock()
	defer kindLock.Unlock()
	kinds[k] = len(kinds)
}

func Known(k string) bool {
	_, ok := kinds[k] // want `concurrent read of map kinds without kindLock`
	return ok
}
