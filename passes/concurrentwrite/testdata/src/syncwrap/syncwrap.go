// Package syncwrap declares interfaces over sync's types, as syncthing's
// lib/sync does so that a debug build can swap in logging mutexes: the
// userlocks testdata locks and waits through them. The one-method
// interface Waiter says nothing of what it abstracts.
package syncwrap

import "sync"

type Mutex interface {
	Lock()
	Unlock()
}

type RWMutex interface {
	Mutex
	RLock()
	RUnlock()
}

type WaitGroup interface {
	Add(int)
	Done()
	Wait()
}

// Waiter is implemented by *sync.WaitGroup, *sync.Cond and much else.
type Waiter interface{ Wait() }

func NewMutex() Mutex         { return &sync.Mutex{} }
func NewRWMutex() RWMutex     { return &sync.RWMutex{} }
func NewWaitGroup() WaitGroup { return &sync.WaitGroup{} }
