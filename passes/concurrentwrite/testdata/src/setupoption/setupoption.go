// Package setupoption checks -concurrentwrite.setup, run with
// setupoption.MockServer.WithBundle and setupoption.TLS.RegisterServerNames
// declared as setup methods.
package setupoption

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// MockServer is open-policy-agent/opa's sdk/test.Server (v1.22.4), as in
// setupphase/liveserver.go: its users call WithBundle before they point a
// client at the server, and the project declares it a setup method, so
// the write and the handler's read are not paired. WithLiveBundle, not
// declared, writes the same map on the serving server: reported.
type MockServer struct {
	server  *httptest.Server
	bundles map[string]string
}

func NewMockServer() *MockServer {
	s := &MockServer{bundles: map[string]string{}}
	s.server = httptest.NewServer(http.HandlerFunc(s.handle))
	return s
}

func (s *MockServer) WithBundle(path, body string) *MockServer { // want WithBundle:`writes\(\$0\.#1\)`
	s.bundles[path] = body
	return s
}

func (s *MockServer) WithLiveBundle(path, body string) *MockServer { // want WithLiveBundle:`writes\(\$0\.#1\)`
	s.bundles[path] = body // want `concurrent write to map s.bundles \(held: none\); also accessed by concurrent requests to the handler registered in NewMockServer`
	return s
}

func (s *MockServer) handle(w http.ResponseWriter, r *http.Request) {
	b, ok := s.bundles[r.URL.Path] // want `concurrent read of map s.bundles \(held: none\); also written by \(\*MockServer\).WithLiveBundle`
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	_, _ = w.Write([]byte(b))
}

// TLS is caddy's caddytls.TLS (v2.11.9): RegisterServerNames locks
// serverNamesMu while provisioning registers names, and the goroutine
// Start launches reads them unlocked once provisioning is over. Declared a
// setup method, its writes say the reads follow them: silent. The
// policies, which Update also writes under the lock while the goroutine
// runs, are reported.
type TLS struct {
	mu          sync.Mutex
	serverNames map[string]struct{}
	policies    map[string]int
}

func (t *TLS) RegisterServerNames(names []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, n := range names {
		t.serverNames[n] = struct{}{}
		t.policies[n] = 1
	}
}

func (t *TLS) Update(name string, p int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.policies[name] = p
}

func (t *TLS) Start() {
	go t.publish()
}

func (t *TLS) publish() {
	for range time.Tick(time.Minute) {
		for name := range t.serverNames {
			_ = name
		}
		for name := range t.policies { // want `concurrent read of map t.policies without t.mu \(held: none\); also written by \(\*TLS\).RegisterServerNames holding it`
			_ = name
		}
	}
}
