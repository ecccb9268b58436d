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
