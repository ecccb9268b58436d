package driver

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCLimitFor(t *testing.T) {
	const mb = 1 << 20
	g := &gcTuner{budget: 200 * mb}
	for _, c := range []struct{ live, want int64 }{
		{0, 200 * mb},
		{100 * mb, 200 * mb}, // within the budget
		{150 * mb, 225 * mb}, // half the live heap beyond it
		{600 * mb, 900 * mb}, // GOGC=50 on a large heap
	} {
		if got := g.limitFor(c.live); got != c.want {
			t.Errorf("limitFor(%d MB) = %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
	}
}

// TestGCTunerFollowsLiveHeap checks that the limit follows the live heap
// up after a collection, without waiting for a package to be done, but not
// down, and that stop restores the collector's settings.
func TestGCTunerFollowsLiveHeap(t *testing.T) {
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)

	g := &gcTuner{budget: 8 << 20}
	g.start()
	keep := make([][]byte, 64)
	for i := range keep {
		keep[i] = make([]byte, 512<<10) // 32 MB live, four times the budget
	}
	var got int64
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the hook runs after the collection
		g.mu.Lock()
		got = g.limit
		g.mu.Unlock()
		if got >= 48<<20 {
			break
		}
	}
	runtime.KeepAlive(keep)
	keep = nil
	// Once the heap is garbage, the limit stays: it is a high-water mark.
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	g.mu.Lock()
	after := g.limit
	g.mu.Unlock()
	g.stop()
	if got < 48<<20 {
		t.Errorf("limit after collecting a 32 MB live heap = %d MB, want at least 48 MB", got>>20)
	}
	if after < got {
		t.Errorf("limit fell from %d MB to %d MB when the live heap did", got>>20, after>>20)
	}
	if p := debug.SetGCPercent(percent); p != percent {
		t.Errorf("GC percent after stop = %d, want %d", p, percent)
	}
	if l := debug.SetMemoryLimit(-1); l != limit {
		t.Errorf("memory limit after stop = %d, want %d", l, limit)
	}
}
