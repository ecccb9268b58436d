// Package runs is gardener/docforge's pkg/jobs worker pool, reduced
// (as in concurrentwrite's realbugs/jobs): a job's Worker and Queue run in
// MaxWorkers goroutines at once.
package runs

import "context"

type WorkerError struct{ error }

type WorkQueue interface {
	Get() (any, bool)
}

type Worker interface {
	Work(ctx context.Context, task any, wq WorkQueue) *WorkerError
}

type WorkerFunc func(ctx context.Context, task any, wq WorkQueue) *WorkerError

func (f WorkerFunc) Work(ctx context.Context, task any, wq WorkQueue) *WorkerError {
	return f(ctx, task, wq)
}

type Job struct {
	ID         string
	MaxWorkers int
	Worker     Worker // want Worker:"runs\\(many\\)"
	Queue      WorkQueue // want Queue:"runs\\(many\\)"
}

func (j *Job) Dispatch(ctx context.Context) {
	for range j.MaxWorkers {
		go func() {
			for {
				task, ok := j.Queue.Get()
				if !ok {
					return
				}
				j.Worker.Work(ctx, task, j.Queue)
			}
		}()
	}
}

// Once runs its OnStop in one goroutine.
type Once struct {
	OnStop func() // want OnStop:"runs"
	Quiet  func()
}

func (o *Once) Start() {
	go func() { o.OnStop() }()
	o.Quiet()
}
