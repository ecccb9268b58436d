// Package serialuse shows the locks that the tasks of serial.Loop run
// under: the loop's executor, and the caller's locks when the method waits
// for the task (Run), not when it returns at once (Post).
package serialuse

import (
	"context"
	"sync"

	"serial"
)

type Agent struct {
	loop  *serial.Loop
	mu    sync.Mutex
	tasks map[string]int // want `guard of tasks: .loop's executor inferred \(holds 3, lacks 0\)`
	both  map[string]int // want `guard of both: .mu inferred \(holds 3, lacks 0\)`
	async map[string]int // want `guard of async: .loop's executor inferred \(holds 2, lacks 1\)`
}

func (a *Agent) Add(k string) error {
	return a.loop.Run(context.Background(), func(context.Context) { a.tasks[k]++ })
}

func (a *Agent) Del(k string) {
	a.loop.Post(func(context.Context) { delete(a.tasks, k) })
}

// Run waits: its task runs under a.mu too.
func (a *Agent) AddBoth(k string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.loop.Run(context.Background(), func(context.Context) { a.both[k]++ })
}

func (a *Agent) Both(k string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.both[k]
}

// Post does not wait: its task runs after the unlock.
func (a *Agent) AddAsync(k string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.loop.Post(func(context.Context) { a.async[k]++ })
}

func (a *Agent) Async(k string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.async[k]
}
