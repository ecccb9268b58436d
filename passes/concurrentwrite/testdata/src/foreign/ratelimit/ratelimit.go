// Package ratelimit is the user code of mennanov/limiters#71 ("fatal
// error: concurrent map writes" in (*Registry).GetOrCreate): New starts a
// goroutine that garbage-collects the registry while the gin middleware
// RateLimit calls GetOrCreate on it from every request. limiters' methods
// write r.m without a lock (their AccessFact), so the calls are writes of
// registry.m made here.
package ratelimit

import (
	"net/http"
	"sync"
	"time"

	"foreign/limiters"
	"foreign/lockedlib"
)

type rateLimiter struct {
	registry   *limiters.Registry
	refillRate time.Duration
}

// New is the constructor, in its shape.
func New(callsPerMinute int64) rateLimiter {
	registry := limiters.NewRegistry()
	refillRate := time.Minute / time.Duration(callsPerMinute)
	go func() {
		// Garbage collect the old limiters to prevent memory leaks.
		for {
			<-time.After(refillRate)
			registry.DeleteExpired(time.Now()) // want `concurrent write to map registry.m by \(\*limiters.Registry\).DeleteExpired \(held: none\); also accessed by \(rateLimiter\).RateLimit`
		}
	}()
	return rateLimiter{registry: registry, refillRate: refillRate}
}

// RateLimit is the gin middleware's method, called on every request while
// New's goroutine collects.
func (rl rateLimiter) RateLimit(key string) bool {
	return rl.registry.GetOrCreate(key, func() any { return nil }, rl.refillRate, time.Now()) != nil // want `concurrent write to map rl.registry.m by \(\*limiters.Registry\).GetOrCreate \(held: none\); also accessed by the goroutine started in New`
}

// Serve registers the handlers.
func Serve() {
	http.HandleFunc("/", Handle)
	http.HandleFunc("/locked", HandleLocked)
	http.HandleFunc("/safe", HandleSafe)
}

var global = limiters.NewRegistry()

// Handle is an HTTP handler: two requests call GetOrCreate at once.
func Handle(w http.ResponseWriter, r *http.Request) {
	global.GetOrCreate(r.URL.Path, func() any { return nil }, time.Minute, time.Now()) // want `concurrent write to map global.m by \(\*limiters.Registry\).GetOrCreate \(held: none\); also accessed by concurrent requests to the handler registered in Serve`
}

var (
	mu     sync.Mutex
	locked = limiters.NewRegistry()
)

// HandleLocked takes its own lock around the calls: silent.
func HandleLocked(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	locked.GetOrCreate(r.URL.Path, func() any { return nil }, time.Minute, time.Now())
}

var safe = lockedlib.New()

// HandleSafe calls a registry that locks for itself: silent.
func HandleSafe(w http.ResponseWriter, r *http.Request) {
	safe.GetOrCreate(r.URL.Path, func() any { return nil })
}

// Sequential uses a registry of its own, in one goroutine: silent.
func Sequential(keys []string) int {
	reg := limiters.NewRegistry()
	for _, k := range keys {
		reg.GetOrCreate(k, func() any { return nil }, time.Minute, time.Now())
	}
	return reg.DeleteExpired(time.Now())
}

// Waited runs the collection in a goroutine and waits for it before
// using the registry again: silent.
func Waited(reg *limiters.Registry) { // want Waited:`reads\(\$0\.#1\),writes\(\$0\.#1\)`
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		reg.DeleteExpired(time.Now())
	}()
	wg.Wait()
	reg.GetOrCreate("k", func() any { return nil }, time.Minute, time.Now())
}

// Collect hands the registry's accesses on: its own AccessFact lists the
// write DeleteExpired makes, for the importers of this package.
func Collect(reg *limiters.Registry) int { // want Collect:`writes\(\$0\.#1\)`
	return reg.DeleteExpired(time.Now())
}
