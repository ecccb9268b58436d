// apache/pulsar-client-go#47, "fatal error: concurrent map read and map
// write" (in (*connection).handleResponse, on pendingReqs): the reader
// goroutine that run starts looked up and deleted pending requests while
// the run loop added them, with no lock (#53, "concurrent map writes" in
// (*connection).run, is the same race seen from the other side). The fix
// guarded pendingReqs with a mutex.
//
// Missed: the reader goroutine reaches the map as c.reader.cnx.pendingReqs
// and run writes it as c.pendingReqs. That c.reader.cnx is c again is an
// invariant newConnection establishes (the reader is made with a pointer
// back to its connection), and the pass pairs a goroutine's access with
// another only on the same access path: a back-pointer is not followed.
package knownmiss

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
	cnx.reader = &connectionReader{cnx: cnx, commands: make(chan *baseCommand)}
	return cnx
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
			c.pendingReqs[req.id] = req
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
	request, ok := c.pendingReqs[requestID]
	if !ok {
		return
	}
	delete(c.pendingReqs, requestID)
	request.callback(response)
}
