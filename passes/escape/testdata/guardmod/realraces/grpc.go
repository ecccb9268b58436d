// Package realraces reproduces, in their original shape, races that
// public projects fixed: a guarded map read after its lock is released.
package realraces

import "sync"

// grpc-go, pull request 9155 ("clientconn: snapshot cc.conns under lock in
// ResetConnectBackoff"): ResetConnectBackoff released cc.mu and then
// ranged over cc.conns while the balancer's serializer goroutine added
// and removed connections, killing the process with "concurrent map
// iteration and map write".

type addrConn struct{ backoff int }

func (ac *addrConn) resetConnectBackoff() { ac.backoff = 0 }

type ClientConn struct {
	mu    sync.Mutex
	conns map[*addrConn]struct{}
}

// newAddrConnLocked is called with cc.mu held.
func (cc *ClientConn) newAddrConnLocked() *addrConn {
	ac := &addrConn{}
	cc.conns[ac] = struct{}{}
	return ac
}

func (cc *ClientConn) NewSubConn() *addrConn {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cc.newAddrConnLocked()
}

func (cc *ClientConn) removeAddrConn(ac *addrConn) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	delete(cc.conns, ac)
}

func (cc *ClientConn) RemoveSubConn(ac *addrConn) { cc.removeAddrConn(ac) }

// ResetConnectBackoff as it was before the fix.
func (cc *ClientConn) ResetConnectBackoff() {
	cc.mu.Lock()
	conns := cc.conns // want `map cc.conns escapes its guard cc.mu: ranged over after the unlock`
	cc.mu.Unlock()
	for ac := range conns {
		ac.resetConnectBackoff()
	}
}
