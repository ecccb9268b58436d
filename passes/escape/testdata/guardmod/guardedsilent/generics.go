package guardedsilent

import "sync"

// ConnPool is Conns with a generic type: EnterIdle calls a method of the
// generic type, which names an instantiation ((*ConnPool[T]).initIdleStateLocked
// with EnterIdle's T) that has no body, so the replacement of p.conns is
// read from the generic origin. The snapshot is then reachable only from
// this function.
type ConnPool[T any] struct {
	mu    sync.Mutex
	conns map[*T]struct{}
}

func (p *ConnPool[T]) Add(c *T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns[c] = struct{}{}
}

func (p *ConnPool[T]) Remove(c *T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.conns, c)
}

// initIdleStateLocked is called with p.mu held.
func (p *ConnPool[T]) initIdleStateLocked() {
	p.conns = make(map[*T]struct{})
}

func (p *ConnPool[T]) EnterIdle(reset func(*T)) {
	p.mu.Lock()
	conns := p.conns
	p.initIdleStateLocked()
	p.mu.Unlock()
	for c := range conns {
		reset(c)
	}
}
