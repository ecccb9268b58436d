package readsoff

import "sync"

// A read racing a goroutine's unlocked write is reported by default, next
// to the write (perk11/large-model-proxy#79 crashed in such a read); the
// twin reads after Wait.

func Progress(keys []string) int {
	done := map[string]bool{}
	go func() {
		for _, k := range keys {
			done[k] = true // want `concurrent write to map done \(held: none\).*; no fix: an access to done is in a return statement, after which no unlock can go$`
		}
	}()
	return len(done) // want `concurrent read of map done \(held: none\); also written by the goroutine started in Progress`
}

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
