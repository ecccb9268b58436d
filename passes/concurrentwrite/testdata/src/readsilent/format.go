package readsilent

import (
	"fmt"
	"sync"
)

// Peers is grpc's transport logging prefix: fmt's %p prints the address
// of the struct and %T its type; neither reads the map inside it.
type Peers struct {
	mu     sync.Mutex
	active map[int]string
}

func (p *Peers) Add(id int, s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.active[id] = s
}

func (p *Peers) Prefix() string {
	return fmt.Sprintf("[peers %p] ", p)
}

func (p *Peers) Kind(w int) string {
	return fmt.Sprintf("%*d %T %%v", w, 3, p)
}

func (p *Peers) Both() string {
	return fmt.Sprintf("%p %v", p, p) // want `concurrent read by fmt.Sprintf of map p.active without p.mu.*; no fix: p\.mu cannot be named from the map's expression$`
}

func (p *Peers) Map() string {
	return fmt.Sprintf("%p", p.active)
}
