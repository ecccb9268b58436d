package driver

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The driver keeps little alive between packages (types and facts), and
// allocates a lot within one (syntax, SSA). The default GC target, twice the
// live heap, thus collects very often while the heap is small: a third to a
// fifth of the CPU time on real modules. gcTuner lets the heap grow to a
// fixed budget before collecting (a memory limit, with GOGC high), and once
// the live heap outgrows two thirds of it, to one and a half times the live
// heap, so that the collector never runs back to back and, on large heaps,
// its work stays proportional to allocation, as with GOGC=50. It does not
// double the live heap (the default target): the live heap peaks while
// large packages are analysed (on caddy, 136 MB of syntax, types and SSA
// in flight, most of it for big composite literals), and doubling that
// peak put maplint's RSS above staticcheck's (caddy: 290-380 MB against
// 251 MB).
//
// The limit is set after every collection, from the heap it found live,
// and only ever raised: it is a high-water mark. Peak RSS is the highest
// limit either way, but a limit that fell with the live heap (after a large
// package was done) made the runtime return the memory above it to the OS
// (madvise: 3.5% of the CPU time of a cold run on caddy) and fault it
// back in for the next large package.
// It used to be set after each package: while one large package was
// analysed (prometheus's dependencies include generated packages whose
// syntax and SSA take 300-500 MB), the live heap grew past the limit set
// before it, and the collector ran back to back until the package was done,
// at over 40% of the CPU time on prometheus. The limit is absolute, not a
// GC percent, because the hook runs a little after the collection: a
// percent computed from one cycle's live heap and applied to the next
// cycle's would overshoot the budget whenever the heap grew in between.
// Users' GOGC and GOMEMLIMIT take precedence.
type gcTuner struct {
	budget  int64
	sample  []metrics.Sample
	mu      sync.Mutex // guards what follows
	limit   int64      // the memory limit set last
	stopped bool
	percent int   // the GC percent before the tuner's
	restore int64 // the memory limit before the tuner's
}

const heapBudget = 200 << 20

// smallHeapPercent is the GC percent of a run until the tuner starts
// (see graph.run): a run after an edit analyses a package or two and reads
// export data that is garbage once read, on a live heap of some 30 MB
// (client-go), so its peak is the collector's target. At the default 100
// the edit run on client-go peaked at 87-93 MB against staticcheck's 78;
// at 50 it peaked at 75-78.
const smallHeapPercent = 50

// smallHeap sets the GC percent for the start of a run, unless the user's
// environment does; the function it returns restores it.
func smallHeap() (restore func()) {
	if userTunesGC() {
		return func() {}
	}
	old := debug.SetGCPercent(smallHeapPercent)
	return func() { debug.SetGCPercent(old) }
}

// userTunesGC reports whether the user's environment sets the collector's
// target (GOGC or GOMEMLIMIT), which then takes precedence over the
// driver's settings.
func userTunesGC() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}

// newGCTuner starts tuning the collector, unless the user's environment
// does; stop ends it.
func newGCTuner() *gcTuner {
	t := &gcTuner{budget: heapBudget}
	if userTunesGC() {
		t.stopped = true
		return t
	}
	t.start()
	return t
}

// start sets the collector's target to the budget and arms the hook.
func (t *gcTuner) start() {
	t.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t.limit = t.budget
	t.percent = debug.SetGCPercent(1000)
	t.restore = debug.SetMemoryLimit(t.limit)
	t.arm()
}

// limitFor returns the memory limit for a live heap of live bytes.
func (t *gcTuner) limitFor(live int64) int64 {
	return max(t.budget, live+live/2)
}

// gcSentinel is garbage as soon as it is allocated: its cleanup runs after
// the next collection.
type gcSentinel struct{ _ *int }

// arm calls t.collected after the next collection.
func (t *gcTuner) arm() {
	runtime.AddCleanup(new(gcSentinel), (*gcTuner).collected, t)
}

// collected raises the memory limit for the heap the last collection
// found live, and re-arms; it runs on the cleanup goroutine.
func (t *gcTuner) collected() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		if l := t.limitFor(int64(t.sample[0].Value.Uint64())); l > t.limit {
			t.limit = l
			debug.SetMemoryLimit(l)
		}
	}
	t.arm()
}

// stop ends the tuning and restores the collector's settings.
func (t *gcTuner) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	t.stopped = true
	debug.SetGCPercent(t.percent)
	debug.SetMemoryLimit(t.restore)
}
