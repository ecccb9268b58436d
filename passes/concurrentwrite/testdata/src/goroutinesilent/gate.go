package goroutinesilent

import "sync"

// bench is prometheus' tsdb BenchmarkIsolation in small: the goroutines
// wait on start before their work, and the spawner resets its counters
// before it closes start. The reset happens before every goroutine's
// accesses (a close synchronizes before the receive it unblocks).
type bench struct {
	extra map[string]float64
}

func (b *bench) reset() { clear(b.extra) }

func (b *bench) loop() bool { return b.extra["n"] < 10 }

func runIsolation(b *bench, goroutines int) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for b.loop() {
			}
		}()
	}
	b.reset()
	close(start)
	wg.Wait()
}
