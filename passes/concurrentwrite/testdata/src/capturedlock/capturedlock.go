// This file exercises maps captured by closures together with a mutex local
// to the function that makes them: the closures lock it, so they run at the
// same time as one another, and an access without it races the others.
package capturedlock

import (
	"sort"
	"sync"
	"time"
)

// Counter returns a closure its callers run from many goroutines: one
// operation forgets the lock. The closure defers mu's unlock on another
// path, so no fix is offered: a Lock before a statement that runs after
// that defer would deadlock, and the pass does not tell the paths apart.
func Counter() func(op, k string) int {
	var mu sync.Mutex
	counts := map[string]int{}
	return func(op, k string) int {
		switch op {
		case "inc":
			counts[k]++ // want `concurrent write to map counts without mu \(held: none\); the closures that capture both lock it`
			return 0
		default:
			mu.Lock()
			defer mu.Unlock()
			return counts[k]
		}
	}
}

// A getter closure that never takes the mutex is not known to run with
// the others (known miss: it cannot be told from a comparator that runs
// after the goroutines that lock are done, as in Collect below).
func Getter() (put func(string, int), get func(string) int) {
	var mu sync.Mutex
	m := map[string]int{}
	put = func(k string, v int) {
		mu.Lock()
		m[k] = v
		mu.Unlock()
	}
	get = func(k string) int { return m[k] }
	return put, get
}

// Lookup checks the map before taking the lock to fill it, as gofr's
// Subscribe did: the read is reported with -concurrentwrite.reads.
func Lookup() (put func(string, int), get func(string) int) {
	var mu sync.RWMutex
	m := map[string]int{}
	put = func(k string, v int) {
		mu.Lock()
		m[k] = v
		mu.Unlock()
	}
	get = func(k string) int {
		v, ok := m[k] // want `concurrent read of map m without mu \(held: none\); the closures that capture both lock it`
		if !ok {
			mu.Lock()
			m[k] = 0
			mu.Unlock()
		}
		return v
	}
	return put, get
}

// CounterLocked is Counter fixed: silent.
func CounterLocked() func(op, k string) int {
	var mu sync.Mutex
	counts := map[string]int{}
	return func(op, k string) int {
		mu.Lock()
		defer mu.Unlock()
		if op == "inc" {
			counts[k]++
			return 0
		}
		return counts[k]
	}
}

// Collect fills the map from goroutines that lock, then reads it once they
// are done, in a comparator that does not capture the mutex: silent.
func Collect(keys []string) []string {
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[string]int{}
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			if _, ok := seen[k]; !ok {
				seen[k] = 0
			}
			seen[k] += len(k)
			mu.Unlock()
		}()
	}
	wg.Wait()
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return seen[out[i]] < seen[out[j]] })
	return out
}

// Minority: the mutex is taken at one access of three, for another
// purpose: it is not the map's guard, silent.
func Minority() (add func(string), n func() int) {
	var mu sync.Mutex
	total := 0
	m := map[string]bool{}
	add = func(k string) {
		m[k] = true
		if !m[k+"x"] {
			mu.Lock()
			total++
			_ = m[k]
			mu.Unlock()
		}
	}
	n = func() int { return len(m) }
	return add, n
}

// Stamp's write calls time.Now, which is given nothing through which it
// could take mu: the fix wraps the write in mu.
func Stamp() func(k string) time.Time {
	var mu sync.Mutex
	seen := map[string]time.Time{}
	return func(k string) time.Time {
		seen[k] = time.Now() // want `concurrent write to map seen without mu \(held: none\); the closures that capture both lock it`
		mu.Lock()
		t := seen[k]
		mu.Unlock()
		return t
	}
}

// Weigh's write calls weigh, a function of the package, which might take
// the lock the fix would hold: no fix.
func Weigh() func(k string) int {
	var mu sync.Mutex
	w := map[string]int{}
	return func(k string) int {
		w[k] = weigh(k) // want `concurrent write to map w without mu \(held: none\).*; no fix: the statement calls weigh, which may take mu$`
		mu.Lock()
		n := w[k]
		mu.Unlock()
		return n
	}
}

func weigh(k string) int { return len(k) }

// Shadowed's second write is in a block that declares another mu: the
// name does not reach the captured mutex there, so no fix.
func Shadowed() func(k string) {
	var mu sync.Mutex
	m := map[string]int{}
	return func(k string) {
		mu.Lock()
		m[k] = 1
		mu.Unlock()
		{
			mu := len(k)
			m[k+"x"] = mu // want `concurrent write to map m without mu \(held: none\).*; no fix: mu names another variable at the access$`
		}
	}
}

// Drain's closure defers mu's unlock; the guard's first lock is Fill's:
// no fix, as in Counter.
func Drain() (fill func(string), drain func(string) int) {
	var mu sync.Mutex
	m := map[string]int{}
	fill = func(k string) {
		mu.Lock()
		m[k]++
		mu.Unlock()
	}
	drain = func(k string) int {
		m[k+"/seen"] = 1 // want `concurrent write to map m without mu \(held: none\).*; no fix: the function literal in Drain already defers the unlock of mu$`
		mu.Lock()
		defer mu.Unlock()
		n := m[k]
		delete(m, k)
		return n
	}
	return fill, drain
}
