// decred/dcrdex#974, "client/core: fix concurrent conns map write":
// initializeDEXConnections starts a goroutine that collects the hosts of
// disabled accounts from a channel, fed by the authDEX goroutines it starts
// per connection, and deletes them from c.conns. The range over the
// connections had moved to the c.dexConnections() snapshot, and the
// connMtx lock around the deletes went with it, though they run in another
// goroutine while other methods write c.conns under c.connMtx ("Repeated
// Logins with disabled accounts hit this"). The fix locks c.connMtx around
// the deletes again.
package recall34

import "sync"

type dexConnection struct {
	host   string
	authed bool
}

func (dc *dexConnection) disconnect() {}

type dexCore struct {
	connMtx sync.RWMutex
	conns   map[string]*dexConnection
}

func (c *dexCore) dexConnections() []*dexConnection {
	c.connMtx.RLock()
	defer c.connMtx.RUnlock()
	conns := make([]*dexConnection, 0, len(c.conns))
	for _, dc := range c.conns {
		conns = append(conns, dc)
	}
	return conns
}

func (c *dexCore) addDexConnection(dc *dexConnection) {
	c.connMtx.Lock()
	c.conns[dc.host] = dc
	c.connMtx.Unlock()
}

func (c *dexCore) authDEX(dc *dexConnection) error { return nil }

func (c *dexCore) initializeDEXConnections() []string {
	var wg sync.WaitGroup
	conns := c.dexConnections()
	results := make([]string, 0, len(conns))
	var reconcileConnectionsWg sync.WaitGroup
	reconcileConnectionsWg.Add(1)
	disabledAccountHostChan := make(chan string)
	go func() {
		defer reconcileConnectionsWg.Done()
		var disabledAccountHosts []string
		for host := range disabledAccountHostChan {
			disabledAccountHosts = append(disabledAccountHosts, host)
		}
		for _, host := range disabledAccountHosts {
			c.conns[host].disconnect()
			delete(c.conns, host) // want `concurrent write to map c.conns without c.connMtx \(held: none\)`
		}
	}()

	for _, dc := range conns {
		results = append(results, dc.host)
		if dc.authed {
			continue
		}
		wg.Add(1)
		go func(dc *dexConnection) {
			defer wg.Done()
			if err := c.authDEX(dc); err != nil {
				disabledAccountHostChan <- dc.host
			}
		}(dc)
	}
	wg.Wait()
	close(disabledAccountHostChan)
	reconcileConnectionsWg.Wait()
	return results
}

// initializeDEXConnectionsFixed is the fix: the deletes hold c.connMtx.
func (c *dexCore) initializeDEXConnectionsFixed() []string {
	var wg sync.WaitGroup
	conns := c.dexConnections()
	results := make([]string, 0, len(conns))
	var reconcileConnectionsWg sync.WaitGroup
	reconcileConnectionsWg.Add(1)
	disabledAccountHostChan := make(chan string)
	go func() {
		defer reconcileConnectionsWg.Done()
		var disabledAccountHosts []string
		for host := range disabledAccountHostChan {
			disabledAccountHosts = append(disabledAccountHosts, host)
		}
		if len(disabledAccountHosts) > 0 {
			c.connMtx.Lock()
			for _, host := range disabledAccountHosts {
				c.conns[host].disconnect()
				delete(c.conns, host)
			}
			c.connMtx.Unlock()
		}
	}()

	for _, dc := range conns {
		results = append(results, dc.host)
		if dc.authed {
			continue
		}
		wg.Add(1)
		go func(dc *dexConnection) {
			defer wg.Done()
			if err := c.authDEX(dc); err != nil {
				disabledAccountHostChan <- dc.host
			}
		}(dc)
	}
	wg.Wait()
	close(disabledAccountHostChan)
	reconcileConnectionsWg.Wait()
	return results
}
