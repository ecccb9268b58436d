// pactus-project/pactus#1112, "fix concurrent map read-write crash"
// (sync/peerset/peer_set.go): "A concurrent map iteration and map write
// crash occurred when IteratePeers was called by gRPC and the Peers map
// was updated simultaneously." Every writer of peers and sentBytes held
// ps.lk; IteratePeers and SentBytesMessageType read them with no lock (the
// file's own TODO asked "Is it thread safe (GetPeer and IteratePeers) ??").
// The fix takes the read lock in IteratePeers.
package realbugs

import (
	"sync"
	"time"
)

type psPeer struct {
	ID        string
	Height    uint32
	SentBytes map[int]int64
}

type PeerSet struct {
	lk sync.RWMutex

	peers          map[string]*psPeer
	totalSentBytes int64
	sentBytes      map[int]int64
	startedAt      time.Time
}

func NewPeerSet() *PeerSet {
	return &PeerSet{
		peers:     make(map[string]*psPeer),
		sentBytes: make(map[int]int64),
		startedAt: time.Now(),
	}
}

func (ps *PeerSet) Len() int {
	ps.lk.RLock()
	defer ps.lk.RUnlock()

	return len(ps.peers)
}

func (ps *PeerSet) RemovePeer(pid string) {
	ps.lk.Lock()
	defer ps.lk.Unlock()

	delete(ps.peers, pid)
}

func (ps *PeerSet) GetPeer(pid string) psPeer {
	ps.lk.RLock()
	defer ps.lk.RUnlock()

	if p := ps.getPeer(pid); p != nil {
		return *p
	}
	return psPeer{}
}

func (ps *PeerSet) getPeer(pid string) *psPeer {
	if p, ok := ps.peers[pid]; ok {
		return p
	}
	return nil
}

func (ps *PeerSet) mustGetPeer(pid string) *psPeer {
	p := ps.getPeer(pid)
	if p == nil {
		p = &psPeer{ID: pid, SentBytes: make(map[int]int64)}
		ps.peers[pid] = p
	}
	return p
}

func (ps *PeerSet) UpdateHeight(pid string, height uint32) {
	ps.lk.Lock()
	defer ps.lk.Unlock()

	p := ps.mustGetPeer(pid)
	p.Height = height
}

func (ps *PeerSet) IncreaseSentBytesCounter(msgType int, c int64, pid *string) {
	ps.lk.Lock()
	defer ps.lk.Unlock()

	ps.totalSentBytes += c
	ps.sentBytes[msgType] += c

	if pid != nil {
		p := ps.mustGetPeer(*pid)
		p.SentBytes[msgType] += c
	}
}

func (ps *PeerSet) SentBytesMessageType(msgType int) int64 {
	if sentBytes, ok := ps.sentBytes[msgType]; ok { // want `concurrent read of map ps.sentBytes without ps.lk \(held: none\)`
		return sentBytes
	}
	return 0
}

func (ps *PeerSet) IteratePeers(consumer func(peer *psPeer)) {
	for _, p := range ps.peers { // want `concurrent read of map ps.peers without ps.lk \(held: none\)`
		consumer(p)
	}
}

// PeerSetFixed is the peer set after the fix: IteratePeers takes the read
// lock (and so does SentBytesMessageType, as later versions do).
type PeerSetFixed struct {
	lk        sync.RWMutex
	peers     map[string]*psPeer
	sentBytes map[int]int64
}

func (ps *PeerSetFixed) UpdateHeight(pid string, height uint32) {
	ps.lk.Lock()
	defer ps.lk.Unlock()

	p, ok := ps.peers[pid]
	if !ok {
		p = &psPeer{ID: pid}
		ps.peers[pid] = p
	}
	p.Height = height
}

func (ps *PeerSetFixed) IncreaseSentBytesCounter(msgType int, c int64) {
	ps.lk.Lock()
	defer ps.lk.Unlock()

	ps.sentBytes[msgType] += c
}

func (ps *PeerSetFixed) SentBytesMessageType(msgType int) int64 {
	ps.lk.RLock()
	defer ps.lk.RUnlock()

	return ps.sentBytes[msgType]
}

func (ps *PeerSetFixed) IteratePeers(consumer func(peer *psPeer) (stop bool)) {
	ps.lk.RLock()
	defer ps.lk.RUnlock()

	for _, p := range ps.peers {
		if consumer(p) {
			return
		}
	}
}
