package goroutines

import "sync"

// A goroutine started on a helper object that points back to its owner
// reaches the owner's maps through the back-pointer (r.cnx.pending): the
// same maps as the owner's own code (c.pending), when the package makes
// every helper with a pointer to the owner that holds it.

type conn struct {
	pending map[uint64]int
	reader  *reader
	reqs    []uint64
}

type reader struct {
	cnx *conn
	ids chan uint64
}

func newConn() *conn {
	c := &conn{pending: map[uint64]int{}}
	c.reader = newReader(c)
	return c
}

func newReader(c *conn) *reader { return &reader{cnx: c} }

func (c *conn) run() {
	go c.reader.loop()
	for _, id := range c.reqs {
		c.pending[id] = 1 // want `concurrent write to map c.pending \(held: none\); also accessed by the goroutine started in \(\*conn\).run`
	}
}

func (r *reader) loop() {
	for id := range r.ids {
		r.cnx.handle(id)
	}
}

func (c *conn) handle(id uint64) {
	delete(c.pending, id) // want `concurrent write to map c.pending \(held: none\); also accessed by \(\*conn\).run after it starts`
}

// The same under a mutex: silent.

type lockedConn struct {
	mu      sync.Mutex
	pending map[uint64]int
	reader  *lockedReader
	reqs    []uint64
}

type lockedReader struct {
	cnx *lockedConn
	ids chan uint64
}

func newLockedConn() *lockedConn {
	c := &lockedConn{pending: map[uint64]int{}}
	c.reader = &lockedReader{cnx: c}
	return c
}

func (c *lockedConn) run() {
	go c.reader.loop()
	for _, id := range c.reqs {
		c.mu.Lock()
		c.pending[id] = 1
		c.mu.Unlock()
	}
}

func (r *lockedReader) loop() {
	for id := range r.ids {
		r.cnx.mu.Lock()
		delete(r.cnx.pending, id)
		r.cnx.mu.Unlock()
	}
}

// A helper may be made for another owner (peer.link = newLink(c)): its
// owner is not proven to be the object holding it, and the goroutine's
// map may be another's. Silent.

type node struct {
	seen map[string]bool
	link *link
	keys []string
}

type link struct {
	owner *node
	keys  chan string
}

func newLink(n *node) *link { return &link{owner: n} }

func pair(a, b *node) {
	a.link = newLink(b)
	b.link = newLink(a)
}

func (n *node) run() {
	go n.link.loop()
	for _, k := range n.keys {
		n.seen[k] = true
	}
}

func (l *link) loop() {
	for k := range l.keys {
		delete(l.owner.seen, k)
	}
}
