// Sends to consumers whose order of receipt does or does not matter. A send
// is a -strict sink, so the worker-pool and work-queue cases (which stay
// silent even then) are checked here.

package strict

import (
	"sort"
	"sync"
)

// SortAll hands the lists to a pool of workers, which handle them
// concurrently: the order of the sends is not the order of the work.
func SortAll(m map[string][]int, workers int) {
	work := make(chan []int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range work {
				sort.Ints(l)
			}
		}()
	}
	for _, l := range m {
		work <- l
	}
	close(work)
	wg.Wait()
}

// Pipe has a single receiver, which sees the values in map order.
func Pipe(m map[string]int, print func(string)) {
	ch := make(chan string)
	done := make(chan struct{})
	go func() {
		for k := range ch {
			print(k)
		}
		close(done)
	}()
	for k := range m { // want `keys sent on ch`
		ch <- k
	}
	close(ch)
	<-done
}

// Queue runs work on a pool of its own.
type Queue struct {
	work  chan func()
	names chan string
}

func (q *Queue) Add(f func())     { q.work <- f }  // want Add:"sinks\\(0: sent on q.work\\)"
func (q *Queue) AddName(n string) { q.names <- n } // want AddName:"sinks\\(0: sent on q.names\\)"

// Submit hands one closure per key to the queue: work, run at a time of
// its own, not data in map order.
func Submit(q *Queue, m map[string]bool, do func(string)) {
	for k := range m {
		k := k
		q.Add(func() { do(k) })
	}
	for k := range m {
		q.work <- func() { do(k) }
	}
}

// SubmitNames hands the keys themselves: reported.
func SubmitNames(q *Queue, m map[string]bool) {
	for k := range m { // want `keys passed to AddName, whose argument is sent on q.names`
		q.AddName(k)
	}
}
