// go-libp2p-pubsub v0.19.0, gossipsub.go: Attach starts a goroutine that,
// after DirectConnectInitialDelay, ranges over gs.direct to queue a
// connection to each direct peer, while AddDirectPeer and
// RemoveDirectPeer, which PubSub.AddDirectPeer runs on its event loop at
// any time after the router is attached, write gs.direct: "concurrent map
// iteration and map write".
package unseenraces

import "time"

type connectInfo struct{ p string }

type GossipSubRouter struct {
	direct  map[string]struct{}
	connect chan connectInfo
	delay   time.Duration
}

func (gs *GossipSubRouter) Attach() { // want Attach:`reads\(\$0\.#0\)`
	if len(gs.direct) > 0 {
		go func() {
			if gs.delay > 0 {
				time.Sleep(gs.delay)
			}
			for p := range gs.direct { // want `concurrent read of map gs.direct \(held: none\)`
				gs.connect <- connectInfo{p: p}
			}
		}()
	}
}

func (gs *GossipSubRouter) AddDirectPeer(id string) { // want AddDirectPeer:`writes\(\$0\.#0\)`
	if gs.direct == nil {
		gs.direct = make(map[string]struct{})
	}
	gs.direct[id] = struct{}{} // want `concurrent write to map gs.direct \(held: none\)`
}

func (gs *GossipSubRouter) RemoveDirectPeer(id string) { // want RemoveDirectPeer:`writes\(\$0\.#0\)`
	delete(gs.direct, id) // want `concurrent write to map gs.direct \(held: none\)`
}

// The twin: Attach lists the direct peers before it starts the goroutine,
// which ranges over its own slice.

type GossipSubRouter2 struct {
	direct  map[string]struct{}
	connect chan connectInfo
	delay   time.Duration
}

func (gs *GossipSubRouter2) Attach() { // want Attach:`reads\(\$0\.#0\)`
	peers := make([]string, 0, len(gs.direct))
	for p := range gs.direct {
		peers = append(peers, p)
	}
	if len(peers) > 0 {
		go func() {
			if gs.delay > 0 {
				time.Sleep(gs.delay)
			}
			for _, p := range peers {
				gs.connect <- connectInfo{p: p}
			}
		}()
	}
}

func (gs *GossipSubRouter2) AddDirectPeer(id string) { // want AddDirectPeer:`writes\(\$0\.#0\)`
	if gs.direct == nil {
		gs.direct = make(map[string]struct{})
	}
	gs.direct[id] = struct{}{}
}

func (gs *GossipSubRouter2) RemoveDirectPeer(id string) { // want RemoveDirectPeer:`writes\(\$0\.#0\)`
	delete(gs.direct, id)
}
