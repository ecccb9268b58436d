// This file exercises a helper that drops its caller's lock and takes it
// back on the path that needs it, after an early return that never
// touches it (nats-server's configureAuthorization, "Lock is assumed
// held": if opts == nil { return }; ...; s.mu.Unlock(); lookup();
// s.mu.Lock()). The caller still holds the lock after the call; in the
// twin, one path returns without taking it back.
package callerlocks

import "sync"

type Server struct {
	mu      sync.Mutex
	routes  map[string]int
	callout string
}

func (s *Server) AddRoute(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[k] = 1
}

func (s *Server) lookup(string) {}

// configure is called with s.mu held.
func (s *Server) configure(enabled bool) {
	if !enabled {
		return
	}
	if s.callout != "" {
		s.mu.Unlock()
		s.lookup(s.callout)
		s.mu.Lock()
	}
}

// forEachRoute is called with s.mu held.
func (s *Server) forEachRoute(f func(int)) {
	for _, v := range s.routes {
		f(v)
	}
}

func (s *Server) Reload(enabled bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configure(enabled)
	n := 0
	s.forEachRoute(func(v int) { n += v })
	return n
}

type Server2 struct {
	mu      sync.Mutex
	routes  map[string]int
	callout string
}

func (s *Server2) AddRoute(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[k] = 1
}

func (s *Server2) lookup(string) bool { return false }

// configure forgets to take the lock back when the lookup fails.
func (s *Server2) configure(enabled bool) {
	if !enabled {
		return
	}
	if s.callout != "" {
		s.mu.Unlock()
		if !s.lookup(s.callout) {
			return
		}
		s.mu.Lock()
	}
}

func (s *Server2) forEachRoute(f func(int)) {
	for _, v := range s.routes { // want `concurrent read of map s.routes without s.mu \(held: none\)`
		f(v)
	}
}

func (s *Server2) Reload(enabled bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configure(enabled)
	n := 0
	s.forEachRoute(func(v int) { n += v })
	return n
}
