// coyim/coyim#431, "fatal error: concurrent map iteration and map write":
// the structure already had a lock, but one place ranged over the map
// without it while another goroutine added entries under it.
package realbugs

import "sync"

type Peer struct{ Jid, Name string }

type Peers struct {
	lock  sync.RWMutex
	peers map[string]*Peer
}

func (r *Peers) AddOrReplace(p *Peer) {
	r.lock.Lock()
	defer r.lock.Unlock()
	r.peers[p.Jid] = p
}

func (r *Peers) Remove(jid string) {
	r.lock.Lock()
	defer r.lock.Unlock()
	delete(r.peers, jid)
}

func (r *Peers) Iterate(f func(*Peer)) {
	for _, p := range r.peers { // want `concurrent read of map r.peers without r.lock \(held: none\).*; no fix: the access is a range loop, whose body would run holding r\.lock$`
		f(p)
	}
}
