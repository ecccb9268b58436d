// smallnest/rpcx#85, "fix fatal error: concurrent map read and map write":
// the client's receiving goroutine read internalSeqMap without the lock that
// the sending side holds to add entries and that guards the delete.
package realbugs

import "sync"

type rpcCall struct{ seq uint64 }

type RPCClient struct {
	mutex          sync.Mutex
	seq            uint64
	internalSeqMap map[uint64]*rpcCall
	replies        chan uint64
}

func NewRPCClient() *RPCClient {
	c := &RPCClient{internalSeqMap: make(map[uint64]*rpcCall), replies: make(chan uint64)}
	go c.input()
	return c
}

func (c *RPCClient) Go() *rpcCall {
	c.mutex.Lock()
	c.seq++
	call := &rpcCall{seq: c.seq}
	c.internalSeqMap[c.seq] = call
	c.mutex.Unlock()
	return call
}

func (c *RPCClient) input() {
	for seq := range c.replies {
		call := c.internalSeqMap[seq] // want `concurrent read of map c.internalSeqMap without c.mutex \(held: none\)`
		if call == nil {
			continue
		}
		c.mutex.Lock()
		delete(c.internalSeqMap, seq)
		c.mutex.Unlock()
	}
}
