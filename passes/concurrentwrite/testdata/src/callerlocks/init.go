// This file exercises initialisation helpers that a constructor calls
// before the object is returned or any goroutine started: they run alone.
package callerlocks

import "sync"

type vfsState struct {
	sync.Mutex
	known map[string]bool
}

type Pool struct {
	mu   vfsState
	opts map[string]string
}

func Open(names []string) (*Pool, error) { return open(names) }

func open(names []string) (*Pool, error) {
	p := &Pool{}
	p.init(names)
	return p, nil
}

func (p *Pool) init(names []string) {
	p.opts = map[string]string{}
	p.vfsInit(names)
}

func (p *Pool) vfsInit(names []string) {
	p.mu.known = make(map[string]bool)
	for _, n := range names {
		p.mu.known[n] = true
		p.opts[n] = ""
	}
}

func (p *Pool) Add(n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mu.known[n] = true
}

// Pool2's helper also runs after the object is shared: reported.
type Pool2 struct {
	mu   vfsState
	opts map[string]string
}

func Open2(names []string) *Pool2 {
	p := &Pool2{}
	p.vfsInit(names)
	return p
}

func (p *Pool2) Reload(names []string) { p.vfsInit(names) }

func (p *Pool2) vfsInit(names []string) {
	for _, n := range names {
		p.mu.known[n] = true // want `concurrent write to map p.mu.known without p.mu.Mutex \(held: none\)`
	}
}

func (p *Pool2) Add(n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mu.known[n] = true
}
