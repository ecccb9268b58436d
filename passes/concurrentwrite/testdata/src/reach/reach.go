// This file exercises what a goroutine reaches through function values: a
// method value handed to a function of another package that runs it
// (go wait.Until(c.worker, ...)), and a closure called through a variable
// inside the goroutine. Each has a silent twin that locks.
package reach

import (
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

type Controller struct {
	cache map[string]int
}

func (c *Controller) Run(stop <-chan struct{}) {
	go wait.Until(c.worker, time.Second, stop)
}

func (c *Controller) worker() {
	c.cache["synced"]++ // want `concurrent write to map c.cache \(held: none\); also accessed by \(\*Controller\).Lookup`
}

func (c *Controller) Lookup(k string) int { return c.cache[k] } // want `concurrent read of map c.cache \(held: none\); also written by the goroutine started in \(\*Controller\).Run` Lookup:`reads\(\$0\.#0\)`

type LockedController struct {
	mu    sync.Mutex
	cache map[string]int
}

func (c *LockedController) Run(stop <-chan struct{}) {
	go wait.Until(c.worker, time.Second, stop)
}

func (c *LockedController) worker() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cache["synced"]++
}

func (c *LockedController) Lookup(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cache[k]
}

func Tally(keys []string) map[string]int {
	counts := map[string]int{}
	bump := func(k string) { counts[k]++ } // want `concurrent write to map counts \(held: none\)`
	for _, k := range keys {
		go func() { bump(k) }()
	}
	return counts
}

func TallyLocked(keys []string) map[string]int {
	var mu sync.Mutex
	counts := map[string]int{}
	bump := func(k string) {
		mu.Lock()
		counts[k]++
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bump(k)
		}()
	}
	wg.Wait()
	return counts
}

// A closure assigns bump later: the goroutines may still run the first
// function, whose write races. The function stored once where bump is
// declared is one the call may run, which is all a race needs.
func TallyThenMute(keys []string) map[string]int {
	counts := map[string]int{}
	bump := func(k string) { counts[k]++ } // want `concurrent write to map counts \(held: none\)`
	mute := func() { bump = func(string) {} }
	for _, k := range keys {
		go func() { bump(k) }()
	}
	mute()
	return counts
}
