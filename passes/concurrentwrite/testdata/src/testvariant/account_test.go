package testvariant

import (
	"sync"
	"testing"
)

// The test writes the map under a.mu alone while another goroutine reads
// it through Trusted.
func TestTrustedRace(t *testing.T) {
	a := &Account{keys: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Trusted("k")
	}()
	go func() {
		defer wg.Done()
		a.mu.Lock()
		a.keys["k"] = 1
		a.mu.Unlock()
	}()
	wg.Wait()
}

// A map declared in a test file takes its guard from the test code.

type fixture struct {
	mu   sync.Mutex
	seen map[int]bool
}

func (f *fixture) add(i int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen[i] = true
}

func (f *fixture) has(i int) bool {
	return f.seen[i] // want `concurrent read of map f.seen without f.mu`
}

func TestFixture(t *testing.T) {
	f := &fixture{seen: map[int]bool{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		f.add(1)
	}()
	go func() {
		defer wg.Done()
		_ = f.has(1)
	}()
	wg.Wait()
}
