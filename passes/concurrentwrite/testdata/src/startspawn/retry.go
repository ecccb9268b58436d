package startspawn

import "errors"

// A start that fails before it spawns returns a package error that only
// ever holds errors.New's error: a retry still comes before the spawn.
// Silent. Its twin returns an error field, which may be nil: a start that
// returns there succeeds without spawning, and its write stays paired.

var errNoNodes = errors.New("no nodes")

type Retried struct {
	members map[string]int
	events  chan map[string]int
}

func (p *Retried) StartMember(self string, nodes []string) error { // want StartMember:`writes\(\$0\.#0\)`
	if len(nodes) == 0 {
		return errNoNodes
	}
	p.update(nodes)
	p.members[self] = 1
	p.startWatching()
	return nil
}

func (p *Retried) update(nodes []string) {
	for _, n := range nodes {
		p.members[n] = 1
	}
}

func (p *Retried) startWatching() {
	go func() {
		for ch := range p.events {
			for k, v := range ch {
				p.members[k] = v
			}
		}
	}()
}

type MaybeFailed struct {
	lastErr error
	members map[string]int
	events  chan map[string]int
}

func (p *MaybeFailed) StartMember(self string, nodes []string) error { // want StartMember:`writes\(\$0\.#1\)`
	p.members[self] = 1 // want `concurrent write to map p.members \(held: none\); also accessed by the goroutine`
	if len(nodes) == 0 {
		return p.lastErr
	}
	p.startWatching()
	return nil
}

func (p *MaybeFailed) startWatching() {
	go func() {
		for ch := range p.events {
			for k, v := range ch {
				p.members[k] = v // want `concurrent write to map p.members \(held: none\); also accessed by \(\*MaybeFailed\).StartMember`
			}
		}
	}()
}
