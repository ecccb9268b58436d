// apache/pulsar-client-go#47, "fatal error: concurrent map read and map
// write" (in (*connection).handleResponse, on pendingReqs): the reader
// goroutine that run starts looked up and deleted pending requests while
// the run loop added them, with no lock (#53, "concurrent map writes" in
// (*connection).run, is the same race seen from the other side). The fix
// guarded pendingReqs with a mutex. The reader goroutine reaches the map as
// c.reader.cnx.pendingReqs, run as c.pendingReqs: the same map, since
// newConnection makes the reader with a pointer back to its connection
// (the pass follows such back-pointers, see goroutines/backpointer.go).
// run's writes come after a select that receives, but from channels the
// reader never sends on nor closes (the package's users feed
// incomingRequests): the select waits for them, not for the reader.
package realbugs

import "sync"

type baseCommand struct {
	requestID uint64
}

type pulsarRequest struct {
	id       uint64
	cmd      *baseCommand
	callback func(*baseCommand)
}

type connection struct {
	incomingRequests chan *pulsarRequest
	pendingReqs      map[uint64]*pulsarRequest
	reader           *connectionReader
	closeCh          chan struct{}
}

type connectionReader struct {
	cnx      *connection
	commands chan *baseCommand
}

func newConnection() *connection {
	cnx := &connection{
		incomingRequests: make(chan *pulsarRequest),
		pendingReqs:      make(map[uint64]*pulsarRequest),
		closeCh:          make(chan struct{}),
	}
	cnx.reader = newConnectionReader(cnx)
	return cnx
}

func newConnectionReader(cnx *connection) *connectionReader {
	return &connectionReader{cnx: cnx, commands: make(chan *baseCommand)}
}

func (c *connection) start() {
	go func() {
		c.run()
	}()
}

func (c *connection) run() {
	// All reads come from the reader goroutine
	go c.reader.readFromConnection()
	for {
		select {
		case <-c.closeCh:
			return
		case req := <-c.incomingRequests:
			c.pendingReqs[req.id] = req // want `concurrent write to map c.pendingReqs \(held: none\); also accessed by the goroutine started in \(\*connection\).run`
			c.writeCommand(req.cmd)
		}
	}
}

func (c *connection) writeCommand(cmd *baseCommand) {}

func (r *connectionReader) readFromConnection() {
	for cmd := range r.commands {
		r.cnx.receivedCommand(cmd)
	}
}

func (c *connection) receivedCommand(cmd *baseCommand) {
	c.handleResponse(cmd.requestID, cmd)
}

func (c *connection) handleResponse(requestID uint64, response *baseCommand) {
	request, ok := c.pendingReqs[requestID] // want `concurrent read of map c.pendingReqs \(held: none\); also written by \(\*connection\).run after it starts`
	if !ok {
		return
	}
	delete(c.pendingReqs, requestID) // want `concurrent write to map c.pendingReqs \(held: none\); also accessed by \(\*connection\).run after it starts`
	request.callback(response)
}

// The fixed version: pendingLock guards pendingReqs on both sides.

type connectionFixed struct {
	incomingRequests chan *pulsarRequest
	pendingLock      sync.Mutex
	pendingReqs      map[uint64]*pulsarRequest
	reader           *connectionReaderFixed
}

type connectionReaderFixed struct {
	cnx      *connectionFixed
	commands chan *baseCommand
}

func newConnectionFixed() *connectionFixed {
	cnx := &connectionFixed{pendingReqs: make(map[uint64]*pulsarRequest)}
	cnx.reader = &connectionReaderFixed{cnx: cnx}
	return cnx
}

func (c *connectionFixed) run() {
	go c.reader.readFromConnection()
	for req := range c.incomingRequests {
		c.pendingLock.Lock()
		c.pendingReqs[req.id] = req
		c.pendingLock.Unlock()
	}
}

func (r *connectionReaderFixed) readFromConnection() {
	for cmd := range r.commands {
		r.cnx.handleResponse(cmd.requestID, cmd)
	}
}

func (c *connectionFixed) handleResponse(requestID uint64, response *baseCommand) {
	c.pendingLock.Lock()
	request, ok := c.pendingReqs[requestID]
	delete(c.pendingReqs, requestID)
	c.pendingLock.Unlock()
	if ok {
		request.callback(response)
	}
}

// A hand-off that does order: the loader goroutine fills pendingReqs and
// then sends on loaded, which run receives from before it writes.

type connectionHandoff struct {
	pendingReqs map[uint64]*pulsarRequest
	closeCh     chan struct{}
	loaded      chan struct{}
}

func (c *connectionHandoff) run(saved []*pulsarRequest) {
	go c.load(saved)
	select {
	case <-c.closeCh:
		return
	case <-c.loaded:
	}
	c.pendingReqs[0] = &pulsarRequest{}
}

func (c *connectionHandoff) load(saved []*pulsarRequest) {
	for _, req := range saved {
		c.pendingReqs[req.id] = req
	}
	c.loaded <- struct{}{}
}
