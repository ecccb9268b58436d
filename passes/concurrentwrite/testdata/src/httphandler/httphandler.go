// This file exercises HTTP handlers, which the server runs in a goroutine
// per request: a handler closure writing a package map, a ServeHTTP method
// writing a field, and handlers that lock.
package httphandler

import (
	"net/http"
	"sync"
)

var hits = map[string]int{}

func Serve() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits[r.URL.Path]++ // want `concurrent write to map hits \(held: none\); also accessed by concurrent requests to the handler registered in Serve`
	})
	mux := http.NewServeMux()
	mux.Handle("/x", http.HandlerFunc(countX))
	http.ListenAndServe(":8080", mux)
}

func countX(w http.ResponseWriter, r *http.Request) {
	hits["x"]++ // want `concurrent write to map hits \(held: none\)`
}

type Tracker struct {
	paths map[string]bool
}

func (t *Tracker) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`writes\(\$0\.#0\),writes\(\$2\.#5\)`
	t.paths[r.URL.Path] = true         // want `concurrent write to map t.paths \(held: none\); also accessed by concurrent requests to \(\*Tracker\).ServeHTTP`
	r.Header["X-Seen"] = []string{"1"} // the request is the handler's own
}

type SafeTracker struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (t *SafeTracker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.paths[r.URL.Path] = true
}

func (t *SafeTracker) handle(w http.ResponseWriter, r *http.Request) {
	local := map[string]bool{}
	local[r.URL.Path] = true // a map per request
}

func Mount(mux *http.ServeMux, t *SafeTracker) {
	mux.HandleFunc("/t", t.handle)
}
