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
// fixed budget before collecting, and once the live heap outgrows two
// thirds of it, to the live heap plus a third of the budget, so that the
// collector never runs back to back. It no longer doubles the live heap
// (the default target): the live heap peaks while large packages are
// analysed (on caddy, 136 MB of syntax, types and SSA in flight, most of it
// for big composite literals), and doubling that peak put maplint's
// RSS above staticcheck's (caddy: 290-380 MB against 251 MB; with the
// third, 218-246 MB in the same time). Users' GOGC and GOMEMLIMIT take
// precedence.
type gcTuner struct {
	on     bool
	budget int64
	sample []metrics.Sample
	limit  int64
}

const heapBudget = 200 << 20

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
	limit := max(t.budget, int64(t.sample[0].Value.Uint64())+t.budget/3)
	if limit != t.limit {
		t.limit = limit
		debug.SetMemoryLimit(limit)
	}
}
