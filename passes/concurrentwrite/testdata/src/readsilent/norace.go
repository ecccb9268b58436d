package readsilent

import "sync"

// lesismal/nbio v1.6.8, nbhttp/engine.go: Online and DialerOnline return
// len(e.conns) and len(e.dialerConns) without e.mux, while the engine adds
// and removes connections under it. Both functions carry //go:norace: the
// author has declared their data races intended (the race detector does
// not instrument them), and len reads the map's count without the check
// that makes the runtime throw "concurrent map read and map write", so the
// worst it returns is a count one off. Not reported.

type Engine struct {
	mux   sync.Mutex
	conns map[int]bool
}

func (e *Engine) Add(fd int) {
	e.mux.Lock()
	defer e.mux.Unlock()
	e.conns[fd] = true
}

func (e *Engine) Remove(fd int) {
	e.mux.Lock()
	defer e.mux.Unlock()
	delete(e.conns, fd)
}

// Online .
//
//go:norace
func (e *Engine) Online() int {
	return len(e.conns)
}

// The twins: an index or a range in a //go:norace function can throw, so
// they are reported; so is a len in a function without the directive.

//go:norace
func (e *Engine) Has(fd int) bool {
	return e.conns[fd] // want `concurrent read of map e.conns without e.mux`
}

//go:norace
func (e *Engine) List() []int {
	var out []int
	for fd := range e.conns { // want `concurrent read of map e.conns without e.mux`
		out = append(out, fd)
	}
	return out
}

func (e *Engine) Count() int {
	return len(e.conns) // want `concurrent read of map e.conns without e.mux`
}

// A goroutine that the engine starts reads the count while callers add:
// the same rule for the pairing of goroutines.

type Poller struct {
	conns map[int]bool
}

func NewPoller() *Poller {
	p := &Poller{conns: map[int]bool{}}
	go p.report()
	return p
}

//go:norace
func (p *Poller) report() {
	for {
		println(len(p.conns))
	}
}

func (p *Poller) Add(fd int) { // want Add:`writes\(\$0\.#0\)`
	p.conns[fd] = true // want `concurrent write to map p.conns`
}
