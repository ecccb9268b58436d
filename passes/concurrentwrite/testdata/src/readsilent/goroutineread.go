package readsilent

import "sync"

// Reads in goroutines that race an unordered write to the same map are
// reported with -reads (the read is where "concurrent map read and map
// write" crashes); each has a twin whose read is ordered or locked.

// Copies of one goroutine read and write the shared map.
func ReserveAll(reqs []string, limit int) {
	inUse := map[string]int{}
	for _, r := range reqs {
		go func() {
			if inUse[r] < limit { // want `concurrent read of map inUse \(held: none\); also written by other goroutines started in a loop in ReserveAll`
				inUse[r]++ // want `concurrent write to map inUse \(held: none\)`
			}
		}()
	}
}

// The same under one mutex: silent.
func ReserveAllLocked(reqs []string, limit int) {
	var mu sync.Mutex
	inUse := map[string]int{}
	for _, r := range reqs {
		go func() {
			mu.Lock()
			defer mu.Unlock()
			if inUse[r] < limit {
				inUse[r]++
			}
		}()
	}
}

// The spawner reads while the goroutine writes.
func Progress(keys []string) int {
	done := map[string]bool{}
	go func() {
		for _, k := range keys {
			done[k] = true // want `concurrent write to map done \(held: none\)`
		}
	}()
	return len(done) // want `concurrent read of map done \(held: none\); also written by the goroutine started in Progress`
}

// The spawner reads after waiting: silent.
func ProgressWaited(keys []string) int {
	done := map[string]bool{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			done[k] = true
		}
	}()
	wg.Wait()
	return len(done)
}

// Each goroutine reads and writes a map of its own: silent.
func PerWorker(jobs [][]string) {
	for _, job := range jobs {
		go func() {
			seen := map[string]bool{}
			for _, k := range job {
				if !seen[k] {
					seen[k] = true
				}
			}
		}()
	}
}

type transport struct {
	mu      sync.Mutex
	streams map[int]func()
}

func (t *transport) serve(ids []int) {
	for _, id := range ids {
		go func() {
			t.mu.Lock()
			t.streams[id] = func() {}
			t.mu.Unlock()
		}()
	}
	t.close()
}

// The snapshot taken and swapped out under the lock is ranged after the
// unlock: silent.
func (t *transport) close() {
	t.mu.Lock()
	streams := t.streams
	t.streams = nil
	t.mu.Unlock()
	for _, cancel := range streams {
		cancel()
	}
}
