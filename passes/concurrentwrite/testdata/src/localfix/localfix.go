// This file exercises the fix for goroutine races on a local map that has
// no lock yet: a mutex is declared next to the map and every racing access
// is wrapped in it.
package localfix

import (
	"sync"
	"time"
)

// Crawl's read is an if statement's condition: no fix (the whole check and
// write would have to be one critical section).
func Crawl(urls []string) map[string]bool {
	seen := make(map[string]bool)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if seen[u] { // want `concurrent read of map seen \(held: none\); also written by other goroutines started in a loop in Crawl`
				return
			}
			seen[u] = true // want `concurrent write to map seen \(held: none\).*; no fix: an access to seen is in the header of an if statement$`
		}()
	}
	wg.Wait()
	return seen
}

func Count(words []string) map[string]int {
	var wg sync.WaitGroup
	counts := map[string]int{}
	for _, w := range words {
		wg.Go(func() {
			counts[w]++ // want `concurrent write to map counts \(held: none\)`
		})
	}
	wg.Wait()
	return counts
}

// Stamps starts a goroutine per key with go, each writing out[k]: the
// write calls time.Now, which cannot reach the new mutex, so it is wrapped.
func Stamps(keys []string) map[string]time.Time {
	out := make(map[string]time.Time, len(keys))
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[k] = time.Now() // want `concurrent write to map out \(held: none\)`
		}()
	}
	wg.Wait()
	return out
}

// Gather's goroutines write what they receive: no fix, since the new
// mutex would be held while each waits.
func Gather(chs []chan int) map[int]int {
	got := map[int]int{}
	var wg sync.WaitGroup
	for i, ch := range chs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = <-ch // want `concurrent write to map got \(held: none\).*; no fix: the statement of an access to got receives from a channel, and would wait holding gotMu$`
		}()
	}
	wg.Wait()
	return got
}

// Score's goroutines write what a function of the package computes, which
// could reach the map: no fix, since it could deadlock on the new mutex.
func Score(keys []string) map[string]int {
	scores := map[string]int{}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() {
			scores[k] = weight(k) // want `concurrent write to map scores \(held: none\).*; no fix: the statement of an access to scores calls weight, which may reach scores$`
		})
	}
	wg.Wait()
	return scores
}

func weight(k string) int { return len(k) }
