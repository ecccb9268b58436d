// This file exercises goroutines racing the code around them: the functions
// the spawner calls after the go statement, and the exported methods of the
// object whose method or constructor started the goroutine. Each has a
// silent twin: the lock taken, the goroutine waited for, the method handing
// its work to the goroutine over a channel.
package objectrace

import (
	"sync"
	"time"
)

type conn struct{ last time.Time }

// NewPool starts a reaper that deletes idle entries while Put adds them.
type Pool struct {
	idle map[string]*conn
}

func NewPool() *Pool {
	p := &Pool{idle: map[string]*conn{}}
	go p.reap()
	return p
}

func (p *Pool) reap() {
	for range time.Tick(time.Minute) {
		for k, c := range p.idle { // want `concurrent read of map p.idle \(held: none\); also written by \(\*Pool\).Put`
			if time.Since(c.last) > time.Minute {
				delete(p.idle, k) // want `concurrent write to map p.idle \(held: none\); also accessed by \(\*Pool\).Put`
			}
		}
	}
}

func (p *Pool) Put(k string, c *conn) { // want Put:`writes\(\$0\.#0\)`
	p.idle[k] = c // want `concurrent write to map p.idle \(held: none\); also accessed by the goroutine started in NewPool`
}

// LockedPool takes its lock on both sides.
type LockedPool struct {
	mu   sync.Mutex
	idle map[string]*conn
}

func NewLockedPool() *LockedPool {
	p := &LockedPool{idle: map[string]*conn{}}
	go p.reap()
	return p
}

func (p *LockedPool) reap() {
	for range time.Tick(time.Minute) {
		p.mu.Lock()
		clear(p.idle)
		p.mu.Unlock()
	}
}

func (p *LockedPool) Put(k string, c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle[k] = c
}

// Loop owns its map: the exported method asks the goroutine over a channel.
type Loop struct {
	reqs  chan string
	seen  map[string]bool
	reply chan bool
}

func (l *Loop) Start() {
	go func() {
		for k := range l.reqs {
			l.seen[k] = true
			l.reply <- true
		}
	}()
}

func (l *Loop) Mark(k string) bool {
	l.reqs <- k
	return <-l.reply
}

// The spawner's own later calls.
type Session struct {
	progress map[string]int
	in, out  chan string
}

func (s *Session) Run() { // want Run:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	go s.sendLoop()
	s.recvLoop()
}

func (s *Session) sendLoop() {
	for m := range s.out {
		s.progress["sent"]++ // want `concurrent write to map s.progress \(held: none\); also accessed by \(\*Session\).Run after it starts the goroutine started in \(\*Session\).Run`
		_ = m
	}
}

func (s *Session) recvLoop() {
	for m := range s.in {
		s.progress["recv"]++ // want `concurrent write to map s.progress \(held: none\); also accessed by the goroutine started in \(\*Session\).Run`
		_ = m
	}
}

// The twin waits for the goroutine before its own loop.
type Batch struct {
	progress map[string]int
	items    []string
}

func (b *Batch) Run() { // want Run:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.count("first")
	}()
	wg.Wait()
	b.count("second")
}

func (b *Batch) count(k string) { b.progress[k]++ }

// The constructor's goroutine written as a function literal, capturing the
// variable that holds the new object (go/ssa keeps it in a cell): the
// shape of mennanov/limiters#71's caller, whose expiry goroutine ran
// alongside GetOrCreate.
type Registry struct {
	m map[string]int
}

func NewRegistry() *Registry {
	r := &Registry{m: map[string]int{}}
	go func() {
		for range time.Tick(time.Minute) {
			delete(r.m, "expired") // want `concurrent write to map r.m \(held: none\); also accessed by \(\*Registry\).GetOrCreate`
		}
	}()
	return r
}

func (r *Registry) GetOrCreate(k string) { // want GetOrCreate:`writes\(\$0\.#0\)`
	r.m[k] = 1 // want `concurrent write to map r.m \(held: none\); also accessed by the goroutine started in NewRegistry`
}

// LockedRegistry takes its lock on both sides.
type LockedRegistry struct {
	mu sync.Mutex
	m  map[string]int
}

func NewLockedRegistry() *LockedRegistry {
	r := &LockedRegistry{m: map[string]int{}}
	go func() {
		for range time.Tick(time.Minute) {
			r.mu.Lock()
			delete(r.m, "expired")
			r.mu.Unlock()
		}
	}()
	return r
}

func (r *LockedRegistry) GetOrCreate(k string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[k]; !ok {
		r.m[k] = len(r.m)
	}
	return r.m[k]
}
