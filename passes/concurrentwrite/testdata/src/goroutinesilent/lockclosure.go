package goroutinesilent

import (
	"sync"
	"time"
)

// A lock taken by a closure that tests a parameter (nats-server's
// consumer.go: processAckMsgLocked(…, needLock) runs lock := func() { if
// needLock { o.mu.Lock() } } before deleting from o.pending; the ack
// goroutine reaches it through processAckMsg, which passes needLock=true,
// while the inactivity timer ranges o.pending under o.mu). The lock is held
// on the paths where the parameter is true: as for a lock taken under the
// condition itself, the write is not one "holding no lock".

type consumer struct {
	mu      sync.Mutex
	pending map[uint64]int
	dtmr    *time.Timer
}

func (o *consumer) setLeader(acks chan uint64) {
	o.mu.Lock()
	o.dtmr = time.AfterFunc(time.Second, o.deleteNotActive)
	o.mu.Unlock()
	go o.processInboundAcks(acks)
}

func (o *consumer) deleteNotActive() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for seq := range o.pending {
		_ = seq
	}
}

func (o *consumer) processInboundAcks(acks chan uint64) {
	for seq := range acks {
		o.processAckMsg(seq)
	}
}

func (o *consumer) processAckMsg(seq uint64) bool { return o.processAckMsgLocked(seq, true) }

func (o *consumer) processAckMsgLocked(seq uint64, needLock bool) bool {
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
	_, ok := o.pending[seq]
	delete(o.pending, seq)
	unlock()
	return ok
}
