// Package taskloop is pion/ice v4.4.9's internal/taskloop in its original
// shape: Run hands each closure to the one goroutine of the Loop, which
// calls them one at a time, and waits for it to finish. The closures of
// one Loop never run at the same time (SerialFact on Run).
package taskloop

import (
	"context"
	"errors"
	"sync"
	"time"
)

var ErrClosed = errors.New("the agent is closed")

type task struct {
	fn   func(context.Context)
	done chan struct{}
}

type Loop struct {
	tasks chan task

	done         chan struct{}
	taskLoopDone chan struct{}
	closeOnce    sync.Once
}

func New(onClose func()) *Loop {
	l := &Loop{
		tasks:        make(chan task),
		done:         make(chan struct{}),
		taskLoopDone: make(chan struct{}),
	}

	go l.runLoop(onClose)

	return l
}

func (l *Loop) runLoop(onClose func()) {
	defer func() {
		onClose()
		close(l.taskLoopDone)
	}()

	for {
		select {
		case <-l.done:
			return
		case t := <-l.tasks:
			t.fn(l)
			close(t.done)
		}
	}
}

func (l *Loop) Close() {
	l.closeOnce.Do(func() { close(l.done) })
	<-l.taskLoopDone
}

// Run serially executes the submitted callback.
func (l *Loop) Run(ctx context.Context, t func(context.Context)) error {
	done := make(chan struct{})
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-l.done:
		return ErrClosed
	case l.tasks <- task{t, done}:
		<-done

		return nil
	}
}

// Post queues fn and returns at once: fn runs later, alone among the
// loop's tasks, but not under the caller's locks.
func (l *Loop) Post(fn func(context.Context)) {
	l.tasks <- task{fn: fn, done: make(chan struct{})}
}

// The Loop is the context of its tasks.

func (l *Loop) Done() <-chan struct{}            { return l.done }
func (l *Loop) Err() error                       { return nil }
func (l *Loop) Deadline() (d time.Time, ok bool) { return d, false }
func (l *Loop) Value(any) any                    { return nil }
