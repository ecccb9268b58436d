// This file exercises the reads that are not races although they are made
// without the map's guard, each the shape of a false positive found on the
// corpus, std or cmd; and their reported twins.
package readsilent

import "sync"

type Conn struct{}

func (*Conn) Close() {}

// Tracker is client-go's ConnectionTracker.CloseAll and grpc's
// (*http2Server).Close: the critical section takes the map and replaces
// the field, so the snapshot ranged after the unlock is reachable only
// from this function.
type Tracker struct {
	mu    sync.Mutex
	conns map[*Conn]struct{}
}

func (t *Tracker) Track(c *Conn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.conns[c] = struct{}{}
}

func (t *Tracker) CloseAll() {
	t.mu.Lock()
	conns := t.conns
	t.conns = make(map[*Conn]struct{})
	t.mu.Unlock()
	for c := range conns {
		c.Close()
	}
}

func (t *Tracker) Drop() {
	t.mu.Lock()
	conns := t.conns
	t.conns = nil
	t.mu.Unlock()
	for c := range conns {
		c.Close()
	}
}

// Backoff is grpc's (*ClientConn).ResetConnectBackoff: the snapshot is
// not replaced, so Track's later writes race with the range — but the map
// reference was read under the lock: that is the escape pass's finding
// (a map that leaves its lock), not an unguarded read.
func (t *Tracker) Backoff() {
	t.mu.Lock()
	conns := t.conns
	t.mu.Unlock()
	for c := range conns {
		c.Close()
	}
}

// Count reads the field itself after the unlock: reported.
func (t *Tracker) Count() int {
	t.mu.Lock()
	t.mu.Unlock()
	return len(t.conns) // want `concurrent read of map t.conns without t.mu \(held: none\)`
}
