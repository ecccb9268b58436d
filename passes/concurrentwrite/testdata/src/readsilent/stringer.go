package readsilent

import (
	"fmt"
	"sync"
)

// fmt prints an operand that implements fmt.Stringer by calling String
// for %v, %s, %q, %x and %X, without walking its fields (nats-server's
// client.go: fmt.Sprintf("%s - %q", c, ncs), where *client has a String
// method and c.subs is written under c.mu).

type NamedConn struct {
	mu   sync.Mutex
	subs map[string]int
	name string
}

func (c *NamedConn) String() string { return c.name }

func (c *NamedConn) Sub(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.subs[s]++
}

func (c *NamedConn) Unsub(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.subs, s)
}

func (c *NamedConn) Describe(n string) string { return fmt.Sprintf("%s - %q", c, n) }

func (c *NamedConn) Print() { fmt.Println(c) }

// The twins: %d walks the fields even of a Stringer, and a type without
// String is printed field by field.

func (c *NamedConn) Numbers() string {
	return fmt.Sprintf("%d", c) // want `concurrent read by fmt.Sprintf of map c.subs without c.mu`
}

type Peer struct {
	mu    sync.Mutex
	known map[string]bool
}

func (p *Peer) Learn(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.known[s] = true
}

func (p *Peer) Forget(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.known, s)
}

func (p *Peer) Describe() string {
	return fmt.Sprintf("%v", p) // want `concurrent read by fmt.Sprintf of map p.known without p.mu`
}
