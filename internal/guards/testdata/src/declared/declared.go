// Package declared exercises guard inference and //maplint:guardedby
// declarations: each map field or package variable is reported with its
// guard by the test analyzer.
package declared

import "sync"

type Inferred struct {
	mu    sync.Mutex
	items map[string]int // want `guard of items: .mu inferred \(holds 2, lacks 0\)`
}

func (c *Inferred) Put(k string) { c.mu.Lock(); c.items[k] = 1; c.mu.Unlock() }
func (c *Inferred) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items[k]
}

type Annotated struct {
	mu    sync.RWMutex
	other sync.Mutex
	// Only written in methods that do not lock: declared anyway.
	items map[string]int //maplint:guardedby mu // want `guard of items: .mu declared \(holds 0, lacks 1\)`
	bad   map[string]int //maplint:guardedby nosuchfield
}

func (c *Annotated) Put(k string) { c.items[k] = 1; c.bad[k] = 1 }

var (
	regMu sync.Mutex
	//maplint:guardedby regMu
	registry = map[string]int{} // want `guard of registry: regMu declared \(holds 1, lacks 0\)`
)

func Register(k string) { regMu.Lock(); registry[k] = 1; regMu.Unlock() }
