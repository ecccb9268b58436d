// Package serial exercises SerialFact: the methods that hand a function to
// the one goroutine of their receiver, which runs such functions one at a
// time. pion/ice v4.4.9's taskloop.Loop is the first shape; the others are
// its near misses, which run the functions concurrently or outside the
// goroutine and get no fact.
package serial

import (
	"context"
	"sync"
)

type task struct {
	fn   func(context.Context)
	done chan struct{}
}

// Loop is pion/ice's task loop.
type Loop struct {
	tasks chan task
	done  chan struct{}
}

func New() *Loop {
	l := &Loop{tasks: make(chan task), done: make(chan struct{})}
	go l.runLoop()
	return l
}

func (l *Loop) runLoop() {
	for {
		select {
		case <-l.done:
			return
		case t := <-l.tasks:
			t.fn(context.Background())
			close(t.done)
		}
	}
}

func (l *Loop) Run(ctx context.Context, t func(context.Context)) error { // want Run:`serial\(\$2, waits\)`
	done := make(chan struct{})
	select {
	case <-ctx.Done():
		return ctx.Err()
	case l.tasks <- task{t, done}:
		<-done
		return nil
	}
}

// Post queues f without waiting.
func (l *Loop) Post(f func(context.Context)) { // want Post:`serial\(\$1\)`
	l.tasks <- task{fn: f, done: make(chan struct{})}
}

// Inline runs f itself when the loop is stopped: f may run outside it.
func (l *Loop) Inline(f func(context.Context)) {
	select {
	case <-l.done:
		f(context.Background())
	case l.tasks <- task{fn: f, done: make(chan struct{})}:
	}
}

// Early signals the sender before it calls the task: the sender does
// not wait for the task, which runs after Run returns.
type Early struct{ tasks chan task }

func NewEarly() *Early {
	e := &Early{tasks: make(chan task)}
	go e.work()
	return e
}

func (e *Early) work() {
	for t := range e.tasks {
		close(t.done)
		t.fn(context.Background())
	}
}

func (e *Early) Run(t func(context.Context)) { // want Run:`serial\(\$1\)`
	done := make(chan struct{})
	e.tasks <- task{t, done}
	<-done
}

// Queue sends the functions themselves and ranges over the channel.
type Queue struct{ fns chan func() }

func NewQueue() *Queue {
	q := &Queue{fns: make(chan func(), 16)}
	go q.loop()
	return q
}

func (q *Queue) loop() {
	for f := range q.fns {
		f()
	}
}

func (q *Queue) Do(f func()) { // want Do:`serial\(\$1\)`
	q.fns <- f
}

// Pool starts several workers on one channel: its functions run at once.
type Pool struct{ fns chan func() }

func NewPool(n int) *Pool {
	p := &Pool{fns: make(chan func())}
	for range n {
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	for f := range p.fns {
		f()
	}
}

func (p *Pool) Submit(f func()) { p.fns <- f }

// Twice starts its worker from two places.
type Twice struct{ fns chan func() }

func NewTwice() *Twice {
	t := &Twice{fns: make(chan func())}
	go t.work()
	return t
}

func (t *Twice) Restart() { go t.work() }

func (t *Twice) work() {
	for f := range t.fns {
		f()
	}
}

func (t *Twice) Submit(f func()) { t.fns <- f }

// Value starts its worker through a method value too.
type Value struct{ fns chan func() }

func NewValue() *Value {
	v := &Value{fns: make(chan func())}
	go v.work()
	return v
}

func (v *Value) More() func() { return v.work }

func (v *Value) work() {
	for f := range v.fns {
		f()
	}
}

func (v *Value) Submit(f func()) { v.fns <- f }

// Spawner starts a goroutine per function it receives.
type Spawner struct{ fns chan func() }

func NewSpawner() *Spawner {
	s := &Spawner{fns: make(chan func())}
	go s.work()
	return s
}

func (s *Spawner) work() {
	for f := range s.fns {
		go f()
	}
}

func (s *Spawner) Submit(f func()) { s.fns <- f }

// Shared hands its channel out: other code may receive from it.
type Shared struct{ fns chan func() }

func NewShared() *Shared {
	s := &Shared{fns: make(chan func())}
	go s.work()
	return s
}

func (s *Shared) work() {
	for f := range s.fns {
		f()
	}
}

func (s *Shared) Chan() chan func() { return s.fns }

func (s *Shared) Submit(f func()) { s.fns <- f }

// Attached starts its worker on an object it did not make.
type Attached struct{ fns chan func() }

func (a *Attached) Start() { go a.work() }

func (a *Attached) work() {
	for f := range a.fns {
		f()
	}
}

func (a *Attached) Submit(f func()) { a.fns <- f }

// Exported's channel is a field other packages can receive from.
type Exported struct{ Fns chan func() }

func NewExported() *Exported {
	e := &Exported{Fns: make(chan func())}
	go e.work()
	return e
}

func (e *Exported) work() {
	for f := range e.Fns {
		f()
	}
}

func (e *Exported) Submit(f func()) { e.Fns <- f }

// Copied has a second worker, on a copy of the struct that a method
// returns: its functions run in two goroutines.
type Copied struct{ fns chan func() }

func NewCopied() *Copied {
	c := &Copied{fns: make(chan func())}
	go c.work()
	go drainCopy(c)
	return c
}

func (c *Copied) work() {
	for f := range c.fns {
		f()
	}
}

func (c *Copied) snapshot() Copied { return *c }

func drainCopy(c *Copied) {
	for f := range c.snapshot().fns {
		f()
	}
}

func (c *Copied) Submit(f func()) { c.fns <- f }

var _ sync.Mutex
