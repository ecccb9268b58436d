// gardener/docforge#121, "Concurrent map writes panic on git info
// contributors": the git info workers, MaxWorkers goroutines of the jobs
// package, each recorded contributors in the controller's map with no lock
// (the fix added an RWMutex).
//
// Missed: the goroutines are started by package jobs, which runs
// Job.Worker without knowing which function this package stores there;
// this package sees only a function value stored in a field of another
// package's type, never a spawn. What another package does with a value
// it is given is not summarised (a fact on jobs.Job.Worker, "run in many
// goroutines", would carry it).
package knownmiss

import (
	"context"
	"encoding/json"

	"knownmiss/jobs"
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

func (d *gitInfoWorker) Work(ctx context.Context, ctrl *gitInfoController, task any, wq jobs.WorkQueue) *jobs.WorkerError {
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
		g.contributors[c] = c // missed: a write from every worker goroutine
	}
	return nil
}
