package readsilent

import "sync"

// Server is grpc's Server: RegisterService writes s.services under s.mu
// only while s.serve is false, and Serve sets s.serve for good before it
// starts the goroutines that read the map without the lock. The map is
// written only before the concurrent phase.
type Server struct {
	mu       sync.Mutex
	serve    bool
	services map[string]int
}

func (s *Server) RegisterService(name string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.serve {
		panic("RegisterService after Serve")
	}
	s.services[name] = n
}

func (s *Server) Serve(names []string) {
	s.mu.Lock()
	s.serve = true
	s.mu.Unlock()
	for _, n := range names {
		go s.handle(n)
	}
}

func (s *Server) handle(name string) int { return s.services[name] }

// Info is grpc's GetServiceInfo: the API can call it during
// registration, so it stays reported.
func (s *Server) Info() []string {
	var out []string
	for n := range s.services { // want `concurrent read of map s.services without s.mu`
		out = append(out, n)
	}
	return out
}

// Mux is its twin whose flag is cleared by Stop: registration can happen
// again while a new phase's handlers read.
type Mux struct {
	mu       sync.Mutex
	running  bool
	handlers map[string]int
}

func (m *Mux) Handle(name string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.running {
		m.handlers[name] = n
	}
}

func (m *Mux) Start() {
	m.mu.Lock()
	m.running = true
	m.mu.Unlock()
}

func (m *Mux) Stop() {
	m.mu.Lock()
	m.running = false
	m.mu.Unlock()
}

func (m *Mux) Lookup(name string) int {
	return m.handlers[name] // want `concurrent read of map m.handlers without m.mu`
}
