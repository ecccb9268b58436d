// This file holds concurrentwrite's example: a package-level map written by
// one goroutine per key with no lock, which crashes with "fatal error:
// concurrent map writes".
package example

import "sync"

var lengths = map[string]int{}

// Measure records the length of every word, in parallel.
func Measure(words []string) {
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lengths[w] = len(w)
		}()
	}
	wg.Wait()
}
