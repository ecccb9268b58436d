package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressNotTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := NewProgress(f)
	p.Start(3)
	p.Done("a")
	p.Finish()
	if fi, _ := f.Stat(); fi.Size() != 0 {
		t.Errorf("progress on a regular file wrote %d bytes", fi.Size())
	}
	if _, ok := NewProgress(nil).(nopProgress); !ok {
		t.Errorf("NewProgress(nil) is not a no-op")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if _, ok := NewProgress(w).(nopProgress); !ok {
		t.Errorf("progress on a pipe is not a no-op")
	}
}

// clock is a fake time source that advances by step at every reading.
type clock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := newLineProgress(&buf, (&clock{step: time.Second}).now)
	p.Start(3)
	for _, pkg := range []string{"a", "b", "c"} {
		p.Done(pkg)
	}
	p.Finish()
	want := "\rmaplint: 0/3 packages\rmaplint: 1/3 packages\rmaplint: 2/3 packages\rmaplint: 3/3 packages" +
		"\r" + strings.Repeat(" ", len("maplint: 3/3 packages")) + "\r"
	if got := buf.String(); got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}
}

// TestProgressThrottled checks that a fast run redraws the line only when
// enough time has passed, and always shows the final count.
func TestProgressThrottled(t *testing.T) {
	var buf bytes.Buffer
	p := newLineProgress(&buf, (&clock{step: time.Millisecond}).now)
	p.Start(1000)
	for i := range 1000 {
		p.Done(fmt.Sprint(i))
	}
	out := buf.String()
	if n := strings.Count(out, "\r"); n > 1000/40 {
		t.Errorf("%d redraws for 1000 packages in 1s", n)
	}
	if !strings.HasSuffix(out, "maplint: 1000/1000 packages") {
		t.Errorf("last redraw is not the final count: %q", out[max(0, len(out)-40):])
	}
}

func TestProgressConcurrent(t *testing.T) {
	var buf bytes.Buffer
	p := newLineProgress(&buf, time.Now)
	p.Start(400)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for j := range 100 {
				p.Done(fmt.Sprint(i, j))
			}
		})
	}
	wg.Wait()
	if !strings.HasSuffix(buf.String(), "maplint: 400/400 packages") {
		t.Errorf("concurrent Done calls lost counts: %q", buf.String()[max(0, buf.Len()-40):])
	}
	p.Finish()
}

// TestProgressWrap checks that a message written during the run appears on
// a line of its own, with the progress line drawn again below it.
func TestProgressWrap(t *testing.T) {
	var buf bytes.Buffer
	p := newLineProgress(&buf, (&clock{step: time.Second}).now)
	errs := p.Wrap(&buf)
	fmt.Fprintln(errs, "before the run")
	p.Start(2)
	p.Done("a")
	fmt.Fprintln(errs, "a.go:1:2: undefined: x")
	p.Done("b")
	p.Finish()
	fmt.Fprintln(errs, "after the run")
	blank := "\r" + strings.Repeat(" ", len("maplint: 1/2 packages")) + "\r"
	want := "before the run\n" +
		"\rmaplint: 0/2 packages\rmaplint: 1/2 packages" + blank +
		"a.go:1:2: undefined: x\n" +
		"\rmaplint: 1/2 packages\rmaplint: 2/2 packages" + blank +
		"after the run\n"
	if got := buf.String(); got != want {
		t.Errorf("output:\n%q\nwant\n%q", got, want)
	}

	var direct bytes.Buffer
	if w := (nopProgress{}).Wrap(&direct); w != io.Writer(&direct) {
		t.Errorf("Wrap without a progress line does not return its writer")
	}
}
