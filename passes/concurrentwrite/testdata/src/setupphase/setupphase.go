// Package setupphase exercises the setup phase of an object: an exported
// method that completes the object's construction (it alone sets fields the
// other methods use) runs before the object is used concurrently, up to the
// point where it hands the object to a goroutine. go-ethereum's
// BlobPool.Init is the model: it fills the pool's index through helpers
// (recheck, drop) that Reset and Add call under p.lock.
package setupphase

import "sync"

type store struct{ n int }

func (s *store) put(k string) { s.n++ }

// Pool is go-ethereum's blobpool shape, silent.
type Pool struct {
	lock  sync.RWMutex
	store *store
	index map[string][]int
	spent map[string]int
}

func New() *Pool {
	return &Pool{index: make(map[string][]int), spent: make(map[string]int)}
}

// Init completes the pool: it alone sets p.store, which Add needs, so the
// pool cannot be used before Init returns.
func (p *Pool) Init(keys []string) {
	p.store = &store{}
	each := func(k string) { p.store.put(k) } // p is captured: go/ssa spills it
	for _, k := range keys {
		each(k)
		p.recheck(k)
	}
	for len(p.index) > 10 {
		p.drop()
	}
}

func (p *Pool) recheck(k string) {
	p.index[k] = append(p.index[k], 1)
	p.spent[k] = 1
}

func (p *Pool) drop() {
	for k := range p.index {
		delete(p.index, k)
		delete(p.spent, k)
		return
	}
}

func (p *Pool) Reset(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.recheck(k)
}

func (p *Pool) Add(k string, full bool) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.addLocked(k, full)
}

func (p *Pool) addLocked(k string, full bool) {
	p.store.put(k)
	p.index[k] = append(p.index[k], 2)
	if full {
		p.drop()
	}
}

func (p *Pool) Has(k string) bool {
	p.lock.RLock()
	defer p.lock.RUnlock()
	_, ok := p.index[k]
	return ok
}

func (p *Pool) Spent(k string) int {
	p.lock.RLock()
	defer p.lock.RUnlock()
	return p.spent[k]
}

func (p *Pool) Clear() {
	p.lock.Lock()
	defer p.lock.Unlock()
	clear(p.index)
	clear(p.spent)
	p.spent["x"] = 0
	p.index["x"] = nil
}

func (p *Pool) Len() int {
	p.lock.RLock()
	defer p.lock.RUnlock()
	return len(p.index)
}

// Started starts its loop before filling the index: the loop may already
// hold the pool when recheck writes without the lock.
type Started struct {
	lock  sync.Mutex
	store *store
	index map[string]int
}

func (p *Started) Init(keys []string) {
	p.store = &store{}
	go p.loop()
	for _, k := range keys {
		p.recheck(k)
	}
}

func (p *Started) loop() {
	for {
		p.Reset("k")
	}
}

func (p *Started) recheck(k string) {
	p.index[k]++ // want `concurrent write to map p.index without p.lock`
}

func (p *Started) Reset(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.store.put(k)
	p.recheck(k)
}

func (p *Started) Add(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.index[k] = 2
}

func (p *Started) Del(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	delete(p.index, k)
}

// Handed passes itself to a helper that starts the loop, then fills the
// index: the setup phase ends at the call.
type Handed struct {
	lock  sync.Mutex
	store *store
	index map[string]int
}

func (p *Handed) Init(keys []string) {
	p.store = &store{}
	p.start()
	for _, k := range keys {
		p.recheck(k)
	}
}

func (p *Handed) start() { go p.loop() }

func (p *Handed) loop() {
	for {
		p.Reset("k")
	}
}

func (p *Handed) recheck(k string) {
	p.index[k]++ // want `concurrent write to map p.index without p.lock`
}

func (p *Handed) Reset(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.store.put(k)
	p.recheck(k)
}

func (p *Handed) Add(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.index[k] = 2
}

func (p *Handed) Del(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	delete(p.index, k)
}

// Reloaded's store is also replaced by Reload, which runs at any time:
// Init does not complete the construction, it is one more method.
type Reloaded struct {
	lock  sync.Mutex
	store *store
	index map[string]int
}

func (p *Reloaded) Init(keys []string) {
	p.store = &store{}
	for _, k := range keys {
		p.recheck(k)
	}
}

func (p *Reloaded) Reload() {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.store = &store{}
	p.recheck("k")
}

func (p *Reloaded) recheck(k string) {
	p.index[k]++ // want `concurrent write to map p.index without p.lock`
}

func (p *Reloaded) Add(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.store.put(k)
	p.index[k] = 2
}

func (p *Reloaded) Del(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	delete(p.index, k)
}

// Rerun's Init is also called by Refresh on a pool in use: that call runs
// at any time.
type Rerun struct {
	lock  sync.Mutex
	store *store
	index map[string]int
}

func (p *Rerun) Init(keys []string) {
	p.store = &store{}
	for _, k := range keys {
		p.recheck(k)
	}
}

func (p *Rerun) Refresh() { p.Init([]string{"k"}) }

func (p *Rerun) recheck(k string) {
	p.index[k]++ // want `concurrent write to map p.index without p.lock`
}

func (p *Rerun) Add(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.store.put(k)
	p.index[k] = 2
	p.recheck(k)
}

func (p *Rerun) Del(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	delete(p.index, k)
}

// Configured's Configure sets a field that no other method reads: nothing
// makes the pool unusable before it, so it may run at any time.
type Configured struct {
	lock  sync.Mutex
	log   *store
	index map[string]int
}

func (p *Configured) Configure(keys []string) {
	p.log = &store{}
	p.log.put("configured")
	for _, k := range keys {
		p.index[k] = 0 // want `concurrent write to map p.index without p.lock`
	}
	if len(p.index) > 1 { // want `concurrent read of map p.index without p.lock`
		return
	}
}

func (p *Configured) Add(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	p.index[k] = 2
}

func (p *Configured) Del(k string) {
	p.lock.Lock()
	defer p.lock.Unlock()
	delete(p.index, k)
}
