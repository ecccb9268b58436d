// This file exercises an HTTP handler in a test: the test drives its own
// server one request at a time, so the handler's writes are not reported.
package handlertest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSequentialRequests(t *testing.T) {
	seen := map[string]int{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen[r.RemoteAddr]++
	}))
	defer ts.Close()
	for range 2 {
		http.Get(ts.URL)
	}
}

func TestHandlersInLoop(t *testing.T) {
	calls := map[string]int{}
	mux := http.NewServeMux()
	for _, p := range []string{"/a", "/b"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			calls[r.RequestURI]++
		})
	}
	ts := httptest.NewServer(mux)
	defer ts.Close()
}
