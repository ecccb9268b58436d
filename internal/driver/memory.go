package driver

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// The driver keeps little alive between packages (types and facts), and
// allocates a lot within one (syntax, SSA). The default GC target, twice the
// live heap, thus collects very often while the heap is small: a third to a
// fifth of the CPU time on real modules. gcTuner lets the heap grow to a
// fixed budget before collecting, and falls back to the default target
// (twice the live heap) once the live heap outgrows half the budget. Users'
// GOGC and GOMEMLIMIT take precedence.
type gcTuner struct {
	on     bool
	budget int64
	sample []metrics.Sample
	limit  int64
}

const heapBudget = 240 << 20

func newGCTuner() *gcTuner {
	t := &gcTuner{budget: heapBudget}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return t
	}
	t.on = true
	t.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	debug.SetGCPercent(1000)
	t.limit = t.budget
	debug.SetMemoryLimit(t.limit)
	return t
}

// update adjusts the memory limit to the live heap; cheap enough to call
// after each package.
func (t *gcTuner) update() {
	if !t.on {
		return
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	limit := max(t.budget, 2*int64(t.sample[0].Value.Uint64()))
	if limit != t.limit {
		t.limit = limit
		debug.SetMemoryLimit(limit)
	}
}
