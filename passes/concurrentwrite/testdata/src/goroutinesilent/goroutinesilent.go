// This file exercises goroutine code that must stay silent: locked writes,
// per-goroutine maps, channel hand-off, writes before the go statement and
// after Wait, sync.Map, sequential subtests and plain sequential code.
package goroutinesilent

import (
	"sync"
	"testing"
)

func Locked(urls []string) map[string]bool {
	var mu sync.Mutex
	seen := make(map[string]bool)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			seen[u] = true
		}()
	}
	wg.Wait()
	seen["done"] = true // after Wait
	return seen
}

func PerGoroutine(jobs []string, out chan<- map[string]int) {
	for _, j := range jobs {
		go func() {
			m := make(map[string]int) // each goroutine has its own
			m[j]++
			out <- m
		}()
	}
}

func PerIteration(jobs []string) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		m := map[string]int{} // a new map per iteration
		wg.Go(func() { m[j] = 1 })
	}
	wg.Wait()
}

func HandOff() map[string]int {
	m := map[string]int{}
	m["before"] = 1 // before the go statement
	done := make(chan struct{})
	go func() {
		m["inside"] = 2
		close(done)
	}()
	<-done // the goroutine has finished with m
	m["after"] = 3
	return m
}

func Owner(in <-chan string) {
	// One goroutine owns the map; others talk to it through the channel.
	go func() {
		m := map[string]int{}
		for k := range in {
			m[k]++
		}
	}()
}

func Once() map[string]int {
	var once sync.Once
	m := map[string]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			once.Do(func() { m["x"] = 1 })
		})
	}
	wg.Wait()
	return m
}

var cache sync.Map

func SyncMap(keys []string) {
	for _, k := range keys {
		go cache.Store(k, true)
	}
}

func Sequential(keys []string) map[string]int {
	m := map[string]int{}
	for _, k := range keys {
		m[k]++
	}
	return m
}

func TestSerialSubtests(t *testing.T) {
	m := map[string]int{}
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			m[name] = 1 // subtests without t.Parallel run one at a time
		})
	}
}

func Single(m map[string]int) {
	var wg sync.WaitGroup
	wg.Go(func() { m["one"] = 1 }) // one goroutine, the caller only waits
	wg.Wait()
}

// EachWaits starts goroutines in a loop but waits for them in each
// iteration: they never overlap.
func EachWaits(keys []string) map[string]int {
	m := map[string]int{}
	for _, k := range keys {
		var wg sync.WaitGroup
		wg.Go(func() { m[k] = 1 })
		wg.Wait()
	}
	return m
}

var (
	socketsMu sync.Mutex
	sockets   = map[string]int{}
)

// Listen locks only for some networks; the pass takes a lock held on some
// path as protection rather than guess the condition.
func Listen(network, key string) {
	if network == "unix" {
		socketsMu.Lock()
		defer socketsMu.Unlock()
	}
	register(key)
}

func register(key string) { sockets[key]++ }

func Relisten(keys []string) {
	for _, k := range keys {
		go Listen("unix", k)
	}
}

// Two goroutines call a function that makes its own map: each call has its
// own.
func profile() map[string]int {
	index := map[string]int{}
	index["x"]++
	return index
}

func TwoProfiles() {
	var wg sync.WaitGroup
	wg.Go(func() { profile() })
	wg.Go(func() { profile() })
	wg.Wait()
}

type Trie struct{ cache map[string]int }

func (t *Trie) Update(k string) { t.cache[k]++ } // want Update:`reads\(\$0\.#0\),writes\(\$0\.#0\)`

// Each goroutine works on its own element of the slice.
func PerGoroutineElement(n int) {
	tries := make([]*Trie, n)
	for i := range tries {
		tries[i] = &Trie{cache: map[string]int{}}
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(index int) {
			defer wg.Done()
			tries[index].Update("k")
		}(i)
	}
	wg.Wait()
}
