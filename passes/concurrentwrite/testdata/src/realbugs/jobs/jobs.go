// Package jobs is the worker pool of gardener/docforge's pkg/jobs, reduced
// to what realbugs/docforge.go needs: a job's Worker runs in MaxWorkers
// goroutines at once.
package jobs

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
	Worker     Worker
	Queue      WorkQueue
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
