// protoactor-go v0.0.0-20240822202345-3c0e61ca19c9,
// cluster/clusterproviders/etcd/node.go and etcd_provider.go (zk/node.go
// has the same Node): the keep-alive goroutine serializes the provider's
// own Node with json.Marshal, whose Meta map is tagged json:"-", which
// encoding/json never encodes, so the marshalling reads no map while
// SetMeta writes Meta. The twins tag the map json:"meta" or not at all:
// encoded, it is read alongside the write.
package startspawn

import (
	"encoding/json"
	"time"
)

type Node struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Kinds []string          `json:"kinds"`
	Meta  map[string]string `json:"-"`
	Alive bool              `json:"alive"`
}

func (n *Node) SetMeta(name string, val string) { // want SetMeta:`writes\(\$0\.#3\)`
	if n.Meta == nil {
		n.Meta = map[string]string{}
	}
	n.Meta[name] = val
}

func (n *Node) Serialize() ([]byte, error) {
	data, err := json.Marshal(n)
	if err != nil {
		return nil, err
	}
	return data, nil
}

type KeepAlive struct {
	self     *Node
	shutdown bool
	out      chan []byte
}

func NewKeepAlive(name string) *KeepAlive {
	return &KeepAlive{self: &Node{ID: name, Name: name, Meta: map[string]string{}}, out: make(chan []byte)}
}

func (p *KeepAlive) StartKeepAlive() {
	go func() {
		for !p.shutdown {
			if data, err := p.self.Serialize(); err == nil {
				p.out <- data
			}
			time.Sleep(time.Second)
		}
	}()
}

func (p *KeepAlive) Tag(name, val string) { p.self.SetMeta(name, val) }

// The twins: the map is encoded under its tag's name, or under its own.

type NamedNode struct {
	ID   string            `json:"id"`
	Meta map[string]string `json:"meta"`
}

func (n *NamedNode) Serialize() ([]byte, error) { // want Serialize:`reads\(\$0\.#1\)`
	return json.Marshal(n) // want `concurrent read by json.Marshal of map n.Meta \(held: none\); also written by \(\*NamedKeepAlive\).Tag`
}

type NamedKeepAlive struct {
	self *NamedNode
	out  chan []byte
}

func (p *NamedKeepAlive) StartKeepAlive() {
	go func() {
		for {
			data, _ := p.self.Serialize()
			p.out <- data
			time.Sleep(time.Second)
		}
	}()
}

func (p *NamedKeepAlive) Tag(name, val string) { p.self.Meta[name] = val } // want `concurrent write to map p.self.Meta`

type BareNode struct {
	ID   string
	Meta map[string]string
}

func (n *BareNode) Serialize() ([]byte, error) { // want Serialize:`reads\(\$0\.#1\)`
	return json.Marshal(n) // want `concurrent read by json.Marshal of map n.Meta \(held: none\); also written by \(\*BareKeepAlive\).Tag`
}

type BareKeepAlive struct {
	self *BareNode
	out  chan []byte
}

func (p *BareKeepAlive) StartKeepAlive() {
	go func() {
		for {
			data, _ := p.self.Serialize()
			p.out <- data
			time.Sleep(time.Second)
		}
	}()
}

func (p *BareKeepAlive) Tag(name, val string) { p.self.Meta[name] = val } // want `concurrent write to map p.self.Meta`

// A field named "-" (json:"-,") is encoded under the key "-".

type DashNode struct {
	Meta map[string]string `json:"-,"`
}

func (n *DashNode) Serialize() ([]byte, error) { // want Serialize:`reads\(\$0\.#0\)`
	return json.Marshal(n) // want `concurrent read by json.Marshal of map n.Meta \(held: none\); also written by \(\*DashKeepAlive\).Tag`
}

type DashKeepAlive struct {
	self *DashNode
	out  chan []byte
}

func (p *DashKeepAlive) StartKeepAlive() {
	go func() {
		for {
			data, _ := p.self.Serialize()
			p.out <- data
			time.Sleep(time.Second)
		}
	}()
}

func (p *DashKeepAlive) Tag(name, val string) { p.self.Meta[name] = val } // want `concurrent write to map p.self.Meta`
