// This file exercises function values that a function of the package
// receives in a parameter and runs in goroutines it starts in a loop
// (helm's batchPerform, recall34/helm.go): the closures its callers pass
// run in many goroutines at once, also when a caller passes its own
// parameter on.
package dynamiccalls

import "sync"

func parallel(keys []string, f func(string)) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(k)
		}()
	}
	wg.Wait()
}

func spawnEach(keys []string, f func(string)) {
	for _, k := range keys {
		go f(k)
	}
}

func forward(keys []string, f func(string)) { parallel(keys, f) }

func CountAll(keys []string) map[string]int {
	counts := make(map[string]int)
	parallel(keys, func(k string) {
		counts[k]++ // want `concurrent write to map counts \(held: none\); also accessed by other goroutines started in a loop in parallel that run the function CountAll passes to parallel`
	})
	return counts
}

func SeenAll(keys []string) map[string]bool {
	seen := make(map[string]bool)
	spawnEach(keys, func(k string) {
		seen[k] = true // want `concurrent write to map seen \(held: none\); also accessed by other goroutines started in a loop in spawnEach that run the function SeenAll passes to spawnEach`
	})
	return seen
}

func ForwardAll(keys []string) map[string]int {
	lens := make(map[string]int)
	forward(keys, func(k string) {
		lens[k] = len(k) // want `concurrent write to map lens \(held: none\); also accessed by other goroutines started in a loop in parallel that run the function ForwardAll passes to forward`
	})
	return lens
}

// The closure locks: silent.
func CountAllLocked(keys []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int)
	parallel(keys, func(k string) {
		mu.Lock()
		counts[k]++
		mu.Unlock()
	})
	return counts
}

// A map of each call's own: silent.
func Sizes(keys []string) {
	parallel(keys, func(k string) {
		own := make(map[string]int)
		own[k] = len(k)
		_ = own
	})
}

// The runner calls f holding its lock: silent.
func serialized(keys []string, f func(string)) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			f(k)
		}()
	}
	wg.Wait()
}

func CountSerialized(keys []string) map[string]int {
	counts := make(map[string]int)
	serialized(keys, func(k string) { counts[k]++ })
	return counts
}

// The runner waits for each goroutine before starting the next: silent.
func oneByOne(keys []string, f func(string)) {
	for _, k := range keys {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(k)
		}()
		wg.Wait()
	}
}

func CountOneByOne(keys []string) map[string]int {
	counts := make(map[string]int)
	oneByOne(keys, func(k string) { counts[k]++ })
	return counts
}
