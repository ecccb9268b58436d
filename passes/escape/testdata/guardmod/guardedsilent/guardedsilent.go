// Package guardedsilent holds guarded maps used correctly: copies made
// under the lock, maps of types with no lock, maps published whole and
// never written after, helpers whose caller holds the lock, and len after
// the unlock.
package guardedsilent

import (
	"maps"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func (c *Cache) Items() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return maps.Clone(c.items)
}

func (c *Cache) Copy() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string]int, len(c.items))
	for k, v := range c.items {
		out[k] = v
	}
	return out
}

// Len reads the count after the unlock: a stale count, not a crash.
func (c *Cache) Len() int {
	c.mu.RLock()
	items := c.items
	c.mu.RUnlock()
	return len(items)
}

// itemsLocked is only called with c.mu held.
func (c *Cache) itemsLocked() map[string]int { return c.items }

func (c *Cache) Total() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for _, v := range c.itemsLocked() {
		n += v
	}
	return n
}

// Plain has no lock: nothing guards its map, nothing escapes.
type Plain struct{ items map[string]int }

func (p *Plain) Put(k string) { p.items[k]++ }

func (p *Plain) Items() map[string]int { return p.items }

// Snapshot publishes a new map whole under the lock and never writes it
// after: readers may keep the reference (copy on write).
type Snapshot struct {
	mu    sync.Mutex
	table map[string]int
}

func (s *Snapshot) Replace(next map[string]int) {
	s.mu.Lock()
	s.table = next
	s.mu.Unlock()
}

func (s *Snapshot) Table() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.table
}

func (s *Snapshot) Get(k string) int {
	s.mu.Lock()
	t := s.table
	s.mu.Unlock()
	return t[k]
}

// Relock takes the lock again before using the alias.
func (c *Cache) Relock() int {
	c.mu.RLock()
	items := c.items
	c.mu.RUnlock()
	c.mu.RLock()
	defer c.mu.RUnlock()
	return items["x"]
}

// Pool is net/http's (*Transport).CloseIdleConnections shape (found by the
// pass on std, a false positive): the critical section takes the map and
// resets the field, so the snapshot is reachable only from this function.
type Pool struct {
	mu   sync.Mutex
	idle map[string][]int
}

func (p *Pool) Add(k string, c int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle[k] = append(p.idle[k], c)
}

func (p *Pool) CloseIdle(close func(int)) {
	p.mu.Lock()
	m := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, cs := range m {
		for _, c := range cs {
			close(c)
		}
	}
}

// Conns is grpc's (*ClientConn).Close and enterIdleMode shape (found by the
// pass on grpc v1.81.0, false positives): the critical section takes the
// map and replaces the field, directly while a deferred closure captures
// the receiver (so go/ssa keeps it in a cell), or through a helper that the
// critical section calls and that always stores a fresh map; the snapshot
// is then reachable only from this function.
type Conns struct {
	mu     sync.Mutex
	conns  map[*int]struct{}
	closed func()
}

func (cc *Conns) Add(c *int) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.conns[c] = struct{}{}
}

func (cc *Conns) Remove(c *int) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	delete(cc.conns, c)
}

func (cc *Conns) Has(c *int) bool {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	_, ok := cc.conns[c]
	return ok
}

func (cc *Conns) Close() {
	defer func() {
		cc.closed()
	}()
	cc.mu.Lock()
	conns := cc.conns
	cc.conns = nil
	cc.mu.Unlock()
	for c := range conns {
		*c = 0
	}
}

// initIdleStateLocked is called with cc.mu held.
func (cc *Conns) initIdleStateLocked() {
	cc.conns = make(map[*int]struct{})
}

func (cc *Conns) EnterIdle() {
	cc.mu.Lock()
	conns := cc.conns
	cc.initIdleStateLocked()
	cc.mu.Unlock()
	for c := range conns {
		*c = 0
	}
}

// Notifier is prometheus's notifier.Manager shape: ApplyConfig builds a new
// map and publishes it whole under the lock; the package never writes its
// entries once published (only its tests do, in fixtures_test.go), so URLs
// may range over the snapshot after the unlock.
type Notifier struct {
	mtx        sync.RWMutex
	sets       map[string]*urlSet
	discovered func() int // a metric's callback
}

type urlSet struct{ urls []string }

func NewNotifier() *Notifier {
	n := &Notifier{sets: map[string]*urlSet{}}
	n.discovered = func() int { return len(n.URLs()) }
	return n
}

func (n *Notifier) ApplyConfig(cfg map[string][]string) {
	sets := make(map[string]*urlSet)
	for k, v := range cfg {
		sets[k] = &urlSet{urls: v}
	}
	n.mtx.Lock()
	defer n.mtx.Unlock()
	n.sets = sets
}

func (n *Notifier) Send() int {
	n.mtx.RLock()
	defer n.mtx.RUnlock()
	c := 0
	for _, s := range n.sets {
		c += len(s.urls)
	}
	return c
}

func (n *Notifier) URLs() []string {
	n.mtx.RLock()
	sets := n.sets
	n.mtx.RUnlock()
	var out []string
	for _, s := range sets {
		out = append(out, s.urls...)
	}
	return out
}

// Table is filled by its constructor and never written after: readers may
// keep the map after the unlock (immutable after publish), whatever the
// lock guards besides.
type Table struct {
	mu    sync.Mutex
	names map[string]int
	hits  int
}

func NewTable(names []string) *Table {
	t := &Table{names: make(map[string]int, len(names))}
	for i, n := range names {
		t.names[n] = i
	}
	return t
}

func (t *Table) Names() map[string]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.hits++
	return t.names
}

func (t *Table) Index(n string) int {
	t.mu.Lock()
	names := t.names
	t.hits++
	t.mu.Unlock()
	return names[n]
}

// Agent is prometheus's tsdb/agent DB (v0.316.0): truncate holds the read
// lock for its whole run and deletes entries of a map loaded under it. No
// unlock comes between the load and the write, so the map never leaves
// the critical section: a write holding only the read lock is
// concurrentwrite's finding, not an escape. The positive twin is
// guarded.Agent, which writes after the RUnlock.
type Agent struct {
	mtx     sync.RWMutex
	deleted map[int]int
	series  map[int]int
}

func (a *Agent) Mark(ref, seg int) {
	a.mtx.Lock()
	defer a.mtx.Unlock()
	a.deleted[ref] = seg
}

func (a *Agent) gc(mint int) {
	for ref := range a.series {
		if ref < mint {
			a.deleted[ref] = mint
		}
	}
}

func (a *Agent) Truncate(mint int) {
	a.mtx.RLock()
	defer a.mtx.RUnlock()
	a.gc(mint)
	for ref, last := range a.deleted {
		if last <= mint {
			delete(a.deleted, ref)
		}
	}
}

func (a *Agent) Pending() int {
	a.mtx.RLock()
	defer a.mtx.RUnlock()
	return len(a.deleted)
}
