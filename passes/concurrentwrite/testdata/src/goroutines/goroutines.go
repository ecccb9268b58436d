// This file exercises map writes in goroutines that race with other copies
// of the goroutine, with the code that starts them, or with another
// goroutine: go statements in loops, WaitGroup.Go, errgroup, AfterFunc,
// reads racing writes and parallel subtests.
package goroutines

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"
)

func Crawl(urls []string) map[string]bool {
	seen := make(map[string]bool)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[u] = true // want `concurrent write to map seen \(held: none\); also accessed by other goroutines started in a loop in Crawl`
		}()
	}
	wg.Wait()
	return seen
}

func Count(words []string) map[string]int {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Go(func() {
			counts[w]++ // want `concurrent write to map counts \(held: none\); also accessed by other goroutines started by WaitGroup.Go in a loop in Count`
		})
	}
	wg.Wait()
	return counts
}

func Fetch(ctx context.Context, keys []string) (map[string]string, error) {
	out := map[string]string{}
	g := new(errgroup.Group)
	for _, k := range keys {
		g.Go(func() error {
			out[k] = k // want `concurrent write to map out \(held: none\); also accessed by other goroutines started by errgroup Go in a loop in Fetch`
			return nil
		})
	}
	g.TryGo(func() error {
		delete(out, "x") // want `concurrent write to map out \(held: none\).*; no fix: the fix of another write guards out with a new mutex$`
		return nil
	})
	return out, g.Wait()
}

// Expire starts a timer that deletes from the cache while the caller goes on
// writing to it.
func Expire(cache map[string]int) {
	time.AfterFunc(time.Second, func() {
		delete(cache, "old") // want `concurrent write to map cache \(held: none\); also accessed by Expire after it starts the function started by AfterFunc in Expire.*; no fix: cache is not declared by a statement of a block, after which a mutex could be$`
	})
	cache["new"] = 1 // want `concurrent write to map cache \(held: none\); also accessed by the function started by AfterFunc in Expire`
}

func OnCancel(ctx context.Context, state map[string]bool) {
	context.AfterFunc(ctx, func() {
		state["cancelled"] = true // want `concurrent write to map state \(held: none\); also accessed by OnCancel after it starts`
	})
	fmt.Println(len(state)) // want `concurrent read of map state \(held: none\); also written by the function started by AfterFunc in OnCancel.*; no fix: a lock taken here alone would not order it with the unlocked write$`
}

// Report ranges over the map in one goroutine while another writes it.
func Report(stats map[string]int) {
	go func() {
		for k, v := range stats { // want `concurrent read of map stats \(held: none\); also written by the goroutine started in Report`
			fmt.Println(k, v)
		}
	}()
	go func() {
		stats["runs"]++ // want `concurrent write to map stats \(held: none\); also accessed by the goroutine started in Report`
	}()
}

// Worker writes its parameter; the caller passes the same map to every one.
func worker(results map[int]int, i int) { results[i] = i * i } // want `concurrent write to map results \(held: none\); also accessed by other goroutines started in a loop in Squares`

func Squares(n int) map[int]int {
	results := map[int]int{}
	done := make(chan bool)
	for i := range n {
		go worker(results, i)
	}
	for range n {
		<-done
	}
	return results
}

var registry = map[string]int{}

func TestParallel(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			registry[name] = 1 // want `concurrent write to map registry \(held: none\); also accessed by other parallel subtests started in a loop in TestParallel`
		})
	}
}

// The twin of goroutinesilent/lockclosure.go: the closure that should lock
// tests the parameter but locks nothing.

type ackConsumer struct {
	mu      sync.Mutex
	pending map[uint64]int
	dtmr    *time.Timer
}

func (o *ackConsumer) setLeader(acks chan uint64) {
	o.mu.Lock()
	o.dtmr = time.AfterFunc(time.Second, o.deleteNotActive)
	o.mu.Unlock()
	go o.processInboundAcks(acks)
}

func (o *ackConsumer) deleteNotActive() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for seq := range o.pending {
		_ = seq
	}
}

func (o *ackConsumer) processInboundAcks(acks chan uint64) {
	for seq := range acks {
		o.processAckMsg(seq, true)
	}
}

func (o *ackConsumer) processAckMsg(seq uint64, needLock bool) bool {
	trace := func() {
		if needLock {
			println("ack", seq)
		}
	}
	trace()
	_, ok := o.pending[seq]
	delete(o.pending, seq) // want `concurrent write to map o.pending \(held: none\); also accessed by the function started by AfterFunc in \(\*ackConsumer\).setLeader`
	return ok
}
