package callerlocks

import "sync"

// Locking decided by a parameter of the caller, not of the function that
// writes (nats-server's client.go: pubAllowedFullCheck(subject, fullCheck,
// hasLock) locks c.mu when !hasLock and calls responseAllowed, "Lock must
// be held", which deletes from c.replies; deliverMsg holds c.mu and passes
// hasLock=true).

type Client struct {
	mu      sync.Mutex
	replies map[string]int
}

func (c *Client) responseAllowed(subject string) bool {
	if n, ok := c.replies[subject]; ok {
		if n > 3 {
			delete(c.replies, subject)
		}
		return true
	}
	return false
}

func (c *Client) pubAllowedFullCheck(subject string, hasLock bool) bool {
	if !hasLock {
		c.mu.Lock()
	}
	ok := c.responseAllowed(subject)
	if !hasLock {
		c.mu.Unlock()
	}
	return ok
}

func (c *Client) PubAllowed(subject string) bool { return c.pubAllowedFullCheck(subject, false) }

func (c *Client) Track(subject string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.replies[subject] = 0
}

func (c *Client) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.replies)
}

func (c *Client) Forget(subject string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.replies, subject)
}

func (c *Client) Has(subject string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.replies[subject]
	return ok
}

func (c *Client) Deliver(subject string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.pubAllowedFullCheck(subject, true) {
		c.replies[subject] = 0
	}
}

// The positive twin: Peek passes hasLock=true without holding the lock.

type Leaf struct {
	mu      sync.Mutex
	replies map[string]int
}

func (l *Leaf) responseAllowed(subject string) bool {
	if _, ok := l.replies[subject]; ok { // want `concurrent read of map l.replies without l.mu`
		delete(l.replies, subject) // want `concurrent write to map l.replies without l.mu`
		return true
	}
	return false
}

func (l *Leaf) allowed(subject string, hasLock bool) bool {
	if !hasLock {
		l.mu.Lock()
	}
	ok := l.responseAllowed(subject)
	if !hasLock {
		l.mu.Unlock()
	}
	return ok
}

func (l *Leaf) Allowed(subject string) bool { return l.allowed(subject, false) }

func (l *Leaf) Deliver(subject string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.allowed(subject, true) {
		l.replies[subject] = 0
	}
}

func (l *Leaf) Peek(subject string) bool { return l.allowed(subject, true) }

func (l *Leaf) Track(subject string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.replies[subject] = 0
}

func (l *Leaf) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.replies)
}

func (l *Leaf) Forget(subject string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.replies, subject)
}

func (l *Leaf) Has(subject string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, ok := l.replies[subject]
	return ok
}

// A lock closure whose condition is forwarded from caller to caller
// (nats-server's consumer.go: processTermLocked(..., needLock) passes its
// needLock on to processAckMsgLocked, whose lock := func() { if needLock
// { o.mu.Lock() } } guards delete(o.pending, sseq)).

type Consumer struct {
	mu      sync.Mutex
	pending map[uint64]int
}

func (o *Consumer) Track(seq uint64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending[seq] = 1
}

func (o *Consumer) ackLocked(seq uint64, needLock bool) {
	lock := func() {
		if needLock {
			o.mu.Lock()
		}
	}
	unlock := func() {
		if needLock {
			o.mu.Unlock()
		}
	}
	lock()
	delete(o.pending, seq)
	unlock()
}

func (o *Consumer) Ack(seq uint64) { o.ackLocked(seq, true) }

func (o *Consumer) termLocked(seq uint64, needLock bool) { o.ackLocked(seq, needLock) }

func (o *Consumer) Term(seq uint64) { o.termLocked(seq, true) }

func (o *Consumer) Expire(seq uint64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.termLocked(seq, false)
}

// The positive twin: Drop forwards needLock=false without the lock.

type Stream struct {
	mu      sync.Mutex
	pending map[uint64]int
}

func (s *Stream) Track(seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending[seq] = 1
}

func (s *Stream) ackLocked(seq uint64, needLock bool) {
	if needLock {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	delete(s.pending, seq) // want `concurrent write to map s.pending without s.mu`
}

func (s *Stream) termLocked(seq uint64, needLock bool) { s.ackLocked(seq, needLock) }

func (s *Stream) Term(seq uint64) { s.termLocked(seq, true) }

func (s *Stream) Drop(seq uint64) { s.termLocked(seq, false) }
