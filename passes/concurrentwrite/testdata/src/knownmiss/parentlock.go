package knownmiss

import (
	"encoding/json"
	"sync"
	"time"
)

// protoactor-go's cluster providers, simplified (issue 10): SetMeta
// writes p.self.Meta under p.mu, and the keep-alive goroutine marshals
// p.self without it, reading the map (with -concurrentwrite.reads, the
// flag this package runs under). A map's guard is a lock of the object
// holding the map, or a package variable (internal/guard): p.mu is a lock
// of the Provider pointing to the Node that holds Meta, which is no
// candidate, so no guard is inferred and the read is missed, as a plain
// p.self.Meta[k] would be. With SetMeta unlocked, the race is found
// (fieldencode).

type metaNode struct {
	ID   string            `json:"id"`
	Meta map[string]string `json:"meta"`
}

type MetaProvider struct {
	mu   sync.Mutex
	self *metaNode
	out  chan []byte
}

func (p *MetaProvider) SetMeta(k, v string) {
	p.mu.Lock()
	p.self.Meta[k] = v
	p.mu.Unlock()
}

func (p *MetaProvider) keepAlive() {
	for {
		b, _ := json.Marshal(p.self) // missed: concurrent read of p.self.Meta without p.mu
		p.out <- b
		time.Sleep(time.Second)
	}
}

func (p *MetaProvider) Start() { go p.keepAlive() }
