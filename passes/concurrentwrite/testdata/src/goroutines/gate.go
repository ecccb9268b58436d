package goroutines

import "sync"

// bench is goroutinesilent's start gate with the reset after the close:
// the goroutines may already run.
type bench struct {
	extra map[string]float64
}

func (b *bench) reset() { clear(b.extra) } // want `concurrent write to map b.extra \(held: none\); also accessed by the goroutines started in a loop in runIsolation`

func (b *bench) loop() bool { return b.extra["n"] < 10 } // want `concurrent read of map b.extra \(held: none\); also written by runIsolation after it starts the goroutines started in a loop in runIsolation`

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
	close(start)
	b.reset()
	wg.Wait()
}

type sentBench struct {
	extra map[string]float64
}

func (b *sentBench) reset() { clear(b.extra) } // want `concurrent write to map b.extra \(held: none\); also accessed by the goroutine started in runSent`

func (b *sentBench) loop() bool { return b.extra["n"] < 10 } // want `concurrent read of map b.extra \(held: none\); also written by runSent after it starts the goroutine started in runSent`

// runSent also sends on start: a send may unblock the goroutine before
// the reset.
func runSent(b *sentBench) {
	var wg sync.WaitGroup
	start := make(chan struct{}, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		b.loop()
	}()
	start <- struct{}{}
	b.reset()
	close(start)
	wg.Wait()
}
