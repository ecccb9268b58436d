// gardener/docforge#121, "Concurrent map writes panic on git info
// contributors": the git info workers, MaxWorkers goroutines of the jobs
// package, each recorded contributors in the controller's map with no lock
// (the fix added an RWMutex). The goroutines are started by package jobs,
// which runs Job.Worker in each of them: its analysis exports that as a
// fact on the field (runs(many)), and this package's store of the worker
// function into it (a closure that withGitInfoController makes over the
// controller, converted to the jobs.WorkerFunc adapter) starts that
// function in many goroutines.
package realbugs

import (
	"context"
	"encoding/json"
	"sync"

	"realbugs/jobs"
)

type GitInfo struct {
	Contributors []string
}

type GitInfoTask struct {
	Source string
}

type gitInfoController struct {
	job          *jobs.Job
	contributors map[string]string
}

type gitInfoWorker struct {
	read func(ctx context.Context, source string) ([]byte, error)
}

func NewGitInfoController(worker *gitInfoWorker, workersCount int) *gitInfoController {
	job := &jobs.Job{ID: "GitInfo", MaxWorkers: workersCount}
	controller := &gitInfoController{job: job, contributors: map[string]string{}}
	controller.job.Worker = withGitInfoController(worker, controller)
	return controller
}

func withGitInfoController(gitInfoWorker *gitInfoWorker, ctrl *gitInfoController) jobs.WorkerFunc {
	return func(ctx context.Context, task any, wq jobs.WorkQueue) *jobs.WorkerError {
		return gitInfoWorker.Work(ctx, ctrl, task, wq)
	}
}

func (d *gitInfoWorker) Work(ctx context.Context, ctrl *gitInfoController, task any, wq jobs.WorkQueue) *jobs.WorkerError { // want Work:`writes\(\$2\.#1\)`
	if task, ok := task.(*GitInfoTask); ok {
		info, err := d.read(ctx, task.Source)
		if err != nil {
			return &jobs.WorkerError{}
		}
		if err := ctrl.updateContributors(info); err != nil {
			return &jobs.WorkerError{}
		}
	}
	return nil
}

func (g *gitInfoController) updateContributors(info []byte) error {
	gitInfo := &GitInfo{}
	if err := json.Unmarshal(info, &gitInfo); err != nil {
		return err
	}
	for _, c := range gitInfo.Contributors {
		g.contributors[c] = c // want `concurrent write to map g.contributors \(held: none\); also accessed by other goroutines that run the function NewGitInfoController stores in realbugs/jobs.Job.Worker`
	}
	return nil
}

// The fixed version: the workers write the contributors under the
// controller's lock.

type gitInfoControllerFixed struct {
	job          *jobs.Job
	mu           sync.RWMutex
	contributors map[string]string
}

func NewGitInfoControllerFixed(workersCount int) *gitInfoControllerFixed {
	controller := &gitInfoControllerFixed{job: &jobs.Job{ID: "GitInfo", MaxWorkers: workersCount}, contributors: map[string]string{}}
	controller.job.Worker = jobs.WorkerFunc(func(ctx context.Context, task any, wq jobs.WorkQueue) *jobs.WorkerError {
		if task, ok := task.(*GitInfoTask); ok {
			controller.updateContributors(task.Source)
		}
		return nil
	})
	return controller
}

func (g *gitInfoControllerFixed) updateContributors(c string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.contributors[c] = c
}
