// castai/k8s-agent#233, "fix: acquire explicit lock when saving delta
// events to map": the delta was stored holding only the read lock.
package realbugs

import "sync"

type Delta struct{ Key string }

type Controller struct {
	deltasMu sync.RWMutex
	deltas   map[string]*Delta
}

func (c *Controller) OnUpdate(d *Delta) {
	c.deltasMu.RLock()
	defer c.deltasMu.RUnlock()
	c.deltas[d.Key] = d // want `write to map c.deltas holding only read lock c.deltasMu`
}

func (c *Controller) Flush() map[string]*Delta {
	c.deltasMu.Lock()
	defer c.deltasMu.Unlock()
	out := c.deltas
	c.deltas = map[string]*Delta{}
	return out
}
