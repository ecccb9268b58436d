// protoactor-go's cluster providers, simplified (issue 10): the
// keep-alive goroutine that Start starts marshals the provider's own
// Node, a pointer loaded from the field p.self, while SetMeta writes the
// Node's Meta: encoding/json reads the map through the loaded pointer,
// "concurrent map read and map write". The twins marshal and write under
// p.mu, or tag the map json:"-", which encoding/json never encodes. The
// same race with SetMeta alone locking p.mu is a known miss
// (knownmiss/parentlock.go).
package fieldencode

import (
	"encoding/json"
	"sync"
	"time"
)

type Node struct {
	ID   string            `json:"id"`
	Meta map[string]string `json:"meta"`
}

type Provider struct {
	self *Node
	out  chan []byte
}

func (p *Provider) SetMeta(k, v string) { p.self.Meta[k] = v } // want `concurrent write to map p.self.Meta`

func (p *Provider) keepAlive() {
	for {
		b, _ := json.Marshal(p.self) // want `concurrent read by json.Marshal of map p.self.Meta \(held: none\)`
		p.out <- b
		time.Sleep(time.Second)
	}
}

func (p *Provider) Start() { go p.keepAlive() }

// The twin: both hold p.mu.

type LockedProvider struct {
	mu   sync.Mutex
	self *Node
	out  chan []byte
}

func (p *LockedProvider) SetMeta(k, v string) {
	p.mu.Lock()
	p.self.Meta[k] = v
	p.mu.Unlock()
}

func (p *LockedProvider) keepAlive() {
	for {
		p.mu.Lock()
		b, _ := json.Marshal(p.self)
		p.mu.Unlock()
		p.out <- b
		time.Sleep(time.Second)
	}
}

func (p *LockedProvider) Start() { go p.keepAlive() }

// The twin: Meta is tagged json:"-", so the marshalling reads no map.

type HiddenNode struct {
	ID   string            `json:"id"`
	Meta map[string]string `json:"-"`
}

type HiddenProvider struct {
	self *HiddenNode
	out  chan []byte
}

func (p *HiddenProvider) SetMeta(k, v string) { p.self.Meta[k] = v }

func (p *HiddenProvider) keepAlive() {
	for {
		b, _ := json.Marshal(p.self)
		p.out <- b
		time.Sleep(time.Second)
	}
}

func (p *HiddenProvider) Start() { go p.keepAlive() }
