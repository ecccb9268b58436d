// raff/godet#20, "fix reading responses map without locking" (fatal error:
// concurrent map read and map write): the goroutine that reads replies off
// the websocket looked up the pending request's channel without the
// embedded mutex that sendRawReplyRequest holds to add and delete entries.
package realbugs

import (
	"encoding/json"
	"sync"
)

type wsMessage struct {
	ID     int
	Result json.RawMessage
}

type RemoteDebugger struct {
	sync.Mutex
	reqID     int
	responses map[int]chan json.RawMessage
	incoming  chan wsMessage
}

func Connect() *RemoteDebugger {
	remote := &RemoteDebugger{responses: map[int]chan json.RawMessage{}, incoming: make(chan wsMessage)}
	go remote.readMessages()
	return remote
}

func (remote *RemoteDebugger) SendRequest(method string) json.RawMessage {
	remote.Lock()
	ch := make(chan json.RawMessage, 1)
	id := remote.reqID
	remote.responses[id] = ch
	remote.reqID++
	remote.Unlock()

	reply := <-ch
	remote.Lock()
	delete(remote.responses, id)
	remote.Unlock()
	return reply
}

func (remote *RemoteDebugger) readMessages() {
	for msg := range remote.incoming {
		if ch, ok := remote.responses[msg.ID]; ok { // want `concurrent read of map remote.responses without remote.Mutex \(held: none\).*; no fix: the access is in the header of an if statement$`
			ch <- msg.Result
		}
	}
}
