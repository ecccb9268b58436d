package realraces

import (
	"sync"
	"time"
)

// prometheus/collectd_exporter, pull request 2 ("Several cleanups"): in
// review, its author pointed out that Collect copied only the map's
// reference under c.mu ("this only creates a copy of the map metadata,
// but that's not enough to protect a reader against changes in the map")
// and showed the race with a minimal program; Collect ranged over the
// samples while the processSamples goroutine added to the map. The
// exporter later collected the samples into a slice while holding the
// lock. The receiver of Collect is a value and the mutex a pointer field,
// as in the original.

type collectdSample struct {
	name    string
	value   float64
	expires time.Time
}

type CollectdCollector struct {
	samples map[string]*collectdSample
	mu      *sync.Mutex
	ch      chan *collectdSample
}

func NewCollectdCollector() *CollectdCollector {
	c := &CollectdCollector{
		ch:      make(chan *collectdSample),
		mu:      &sync.Mutex{},
		samples: map[string]*collectdSample{},
	}
	go c.processSamples()
	return c
}

func (c *CollectdCollector) processSamples() {
	for {
		sample := <-c.ch
		c.mu.Lock()
		c.samples[sample.name] = sample
		c.mu.Unlock()
	}
}

// Collect as it was before the fix.
func (c CollectdCollector) Collect(ch chan<- float64) {
	c.mu.Lock()
	samples := c.samples // want `map c.samples escapes its guard c.mu: ranged over after the unlock`
	c.mu.Unlock()
	now := time.Now()
	for _, sample := range samples {
		if now.After(sample.expires) {
			continue
		}
		ch <- sample.value
	}
}
