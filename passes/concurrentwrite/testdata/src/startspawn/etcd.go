// protoactor-go v0.0.0-20240822202345-3c0e61ca19c9,
// cluster/clusterproviders/etcd/etcd_provider.go (zk/zk_provider.go has
// the same shape): StartMember fills p.members (updateNodesWithSelf,
// publishClusterTopologyEvent), then calls startWatching, whose goroutine
// alone touches the map from then on; StartClient is the other start. The
// set-up precedes the one spawn of its own call: a start that fails
// returns an error before it spawns, and the spawner is taken to run at
// most once per object. Silent. The twins in startlate.go are reported.
package startspawn

import (
	"errors"
	"time"
)

type Event struct {
	ID    string
	Alive bool
}

type Provider struct {
	shutdown      bool
	self          *Node
	members       map[string]*Node // all, contains self.
	clusterError  error
	events        chan []Event
	keepAliveTTL  time.Duration
	published     [][]string
	cancelWatchCh chan bool
}

func NewProvider() *Provider {
	return &Provider{members: map[string]*Node{}, events: make(chan []Event), cancelWatchCh: make(chan bool)}
}

func (p *Provider) init(name string) error {
	if name == "" {
		return errors.New("no name")
	}
	p.self = &Node{ID: name, Name: name, Meta: map[string]string{}}
	p.self.SetMeta("id", name)
	return nil
}

func (p *Provider) StartMember(name string) error { // want StartMember:`writes\(\$0\.#2\)`
	if err := p.init(name); err != nil {
		return err
	}
	nodes, err := p.fetchNodes()
	if err != nil {
		return err
	}
	// initialize members
	p.updateNodesWithSelf(nodes)
	p.publishClusterTopologyEvent()
	p.startWatching()

	// register self
	if err := p.registerService(); err != nil {
		return err
	}
	return nil
}

func (p *Provider) StartClient(name string) error { // want StartClient:`writes\(\$0\.#2\)`
	if err := p.init(name); err != nil {
		return err
	}
	nodes, err := p.fetchNodes()
	if err != nil {
		return err
	}
	p.updateNodes(nodes)
	p.publishClusterTopologyEvent()
	p.startWatching()
	return nil
}

func (p *Provider) Shutdown() error {
	p.shutdown = true
	close(p.cancelWatchCh)
	return nil
}

// GetHealthStatus returns an error if the cluster health status has problems
func (p *Provider) GetHealthStatus() error {
	return p.clusterError
}

func (p *Provider) registerService() error {
	if p.self == nil {
		return errors.New("not initialized")
	}
	return nil
}

func (p *Provider) fetchNodes() ([]*Node, error) {
	if p.keepAliveTTL < 0 {
		return nil, errors.New("bad ttl")
	}
	return []*Node{{ID: "a", Alive: true}}, nil
}

func (p *Provider) handleWatchResponse(events []Event) map[string]*Node {
	changes := map[string]*Node{}
	for _, ev := range events {
		if ev.Alive {
			if _, ok := p.members[ev.ID]; !ok {
				changes[ev.ID] = &Node{ID: ev.ID, Alive: true}
			}
			continue
		}
		node, ok := p.members[ev.ID]
		if !ok {
			continue
		}
		cloned := *node
		cloned.Alive = false
		changes[ev.ID] = &cloned
	}
	return changes
}

func (p *Provider) keepWatching() error {
	for events := range p.events {
		if len(events) == 0 {
			return errors.New("empty events")
		}
		nodesChanges := p.handleWatchResponse(events)
		p.updateNodesWithChanges(nodesChanges)
		p.publishClusterTopologyEvent()
	}
	return nil
}

func (p *Provider) startWatching() {
	go func() {
		for !p.shutdown {
			if err := p.keepWatching(); err != nil {
				p.clusterError = err
			}
		}
	}()
}

func (p *Provider) updateNodes(members []*Node) {
	for _, n := range members {
		p.members[n.ID] = n
	}
}

func (p *Provider) updateNodesWithSelf(members []*Node) {
	p.updateNodes(members)
	p.members[p.self.ID] = p.self
}

func (p *Provider) updateNodesWithChanges(changes map[string]*Node) {
	for memberID, member := range changes {
		p.members[memberID] = member
		if !member.Alive {
			delete(p.members, memberID)
		}
	}
}

func (p *Provider) createClusterTopologyEvent() []string {
	res := make([]string, 0, len(p.members))
	for id := range p.members {
		res = append(res, id)
	}
	return res
}

func (p *Provider) publishClusterTopologyEvent() {
	p.published = append(p.published, p.createClusterTopologyEvent())
}
