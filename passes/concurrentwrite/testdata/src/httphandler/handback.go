package httphandler

import "net/http"

// Compressor is configured with SetEncoder, then serves through the handler
// that Handler hands back (go-chi/chi's middleware.Compressor): nothing in
// the package serves that handler, its caller does, after configuring the
// compressor — as with a ServeHTTP method, which is not paired with its
// type's other methods either. Concurrent requests to the handler only read.
type Compressor struct {
	encoders map[string]func() string
}

func NewCompressor() *Compressor {
	return &Compressor{encoders: map[string]func() string{}}
}

func (c *Compressor) SetEncoder(name string, fn func() string) { // want SetEncoder:`writes\(\$0\.#0\)`
	delete(c.encoders, name)
	c.encoders[name] = fn
}

func (c *Compressor) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fn, ok := c.encoders[r.Header.Get("Accept-Encoding")]; ok {
			w.Header().Set("Content-Encoding", fn())
		}
		next.ServeHTTP(w, r)
	})
}

// Counter hands back a handler too, but the handler writes: concurrent
// requests to it race with each other whoever serves it.
type Counter struct {
	hits map[string]int
}

func (c *Counter) Handler() http.Handler {
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits[r.URL.Path]++ // want `concurrent write to map c.hits \(held: none\); also accessed by concurrent requests to the handler registered in \(\*Counter\).Handler`
	})
	return h
}

// LiveCompressor serves its handler itself: once Start has returned,
// requests read the encoders while SetEncoder writes them.
type LiveCompressor struct {
	encoders map[string]func() string
}

func (c *LiveCompressor) SetEncoder(name string, fn func() string) { // want SetEncoder:`writes\(\$0\.#0\)`
	c.encoders[name] = fn // want `concurrent write to map c.encoders \(held: none\); also accessed by concurrent requests to the handler registered in \(\*LiveCompressor\).Start`
}

func (c *LiveCompressor) Start(mux *http.ServeMux) {
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fn, ok := c.encoders[r.Header.Get("Accept-Encoding")]; ok { // want `concurrent read of map c.encoders \(held: none\); also written by \(\*LiveCompressor\).SetEncoder`
			w.Header().Set("Content-Encoding", fn())
		}
	}))
}
