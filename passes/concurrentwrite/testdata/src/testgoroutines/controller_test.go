// This file exercises test code: a test that writes a map while the
// goroutine it started reads it races (as kubernetes' controller tests
// did); a test without goroutines, or one that waits first, runs alone.
package testgoroutines

import (
	"sync"
	"testing"
)

func TestControllerRace(t *testing.T) {
	c := &Controller{queue: map[string]int{}}
	stop := make(chan struct{})
	go c.Run(stop)
	c.queue["a"] = 1 // want `concurrent write to map c.queue \(held: none\); also accessed by the goroutine started in TestControllerRace`
	close(stop)
}

func TestControllerSequential(t *testing.T) {
	c := &Controller{queue: map[string]int{}}
	stop := make(chan struct{})
	close(stop)
	c.queue["a"] = 1
	c.Run(stop)
	c.Enqueue("b")
}

func TestControllerWaited(t *testing.T) {
	c := &Controller{queue: map[string]int{}}
	stop := make(chan struct{})
	close(stop)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Run(stop)
	}()
	wg.Wait()
	c.queue["a"] = 1
	c.Enqueue("b")
}

// The read of a race that only the test makes is reported where it is in
// the test's own code (a closure here); in Controller.Run above it is
// left to the test's write, which is reported.
func TestClosureReads(t *testing.T) {
	seen := map[string]int{}
	go func() {
		_ = seen["a"] // want `concurrent read of map seen \(held: none\); also written by TestClosureReads after it starts`
	}()
	seen["a"] = 1 // want `concurrent write to map seen \(held: none\)`
}
