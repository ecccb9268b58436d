// fhmq/hmq#108, "panic - fatal error: concurrent map writes": the client's
// inflight map was written by its read loop and by its retry loop, two
// goroutines started together, with no lock (the fix added a RWMutex).
package realbugs

import "time"

type inflightElem struct{ at time.Time }

type mqttClient struct {
	inflight map[uint16]*inflightElem
	packets  chan uint16
}

func HandleConnection(packets chan uint16) {
	c := &mqttClient{inflight: make(map[uint16]*inflightElem), packets: packets}
	go c.readLoop()
	go c.retryDelivery()
}

func (c *mqttClient) readLoop() {
	for id := range c.packets {
		c.inflight[id] = &inflightElem{at: time.Now()} // want `concurrent write to map c.inflight \(held: none\)`
	}
}

func (c *mqttClient) retryDelivery() {
	for {
		time.Sleep(time.Second)
		for id, in := range c.inflight { // want `concurrent read of map c.inflight \(held: none\); also written by the goroutine started in HandleConnection`
			if time.Since(in.at) > time.Minute {
				delete(c.inflight, id) // want `concurrent write to map c.inflight \(held: none\)`
			}
		}
	}
}
