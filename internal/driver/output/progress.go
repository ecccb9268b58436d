package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Progress reports how many packages a run has analysed.
type Progress interface {
	// Start begins a run of total packages.
	Start(total int)
	// Done records that pkg has been analysed; it may be called from
	// several goroutines at once.
	Done(pkg string)
	// Finish ends the run and leaves the terminal as it was before Start.
	Finish()
	// Wrap returns a writer to w for messages printed during the run,
	// such as errors on stderr: on a terminal it erases the progress line
	// before each write and draws it again after a write that ends a line,
	// so that messages are not garbled by the line and it stays last.
	// Without a progress line it returns w.
	Wrap(w io.Writer) io.Writer
}

// NewProgress returns a Progress that draws one self-overwriting line,
// "maplint: 12/340 packages", on f when f is a terminal, and does nothing
// otherwise, so that logs, pipes and CI output get no progress noise.
//
// A terminal is recognised as a character device, which needs no dependency
// on golang.org/x/term; /dev/null is one too, where the line costs nothing.
func NewProgress(f *os.File) Progress {
	if f == nil {
		return nopProgress{}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nopProgress{}
	}
	return newLineProgress(f, time.Now)
}

type nopProgress struct{}

func (nopProgress) Start(int)   {}
func (nopProgress) Done(string) {}
func (nopProgress) Finish()     {}

func (nopProgress) Wrap(w io.Writer) io.Writer { return w }

// redrawEvery limits how often the line is redrawn: a warm run finishes
// thousands of packages a second, and a terminal need not show each.
const redrawEvery = 50 * time.Millisecond

// lineProgress draws the progress line on a terminal.
type lineProgress struct {
	w   io.Writer
	now func() time.Time

	mu       sync.Mutex
	done     int
	total    int
	started  bool
	last     time.Time // when the line was last drawn
	drawnLen int       // length of the line on screen
}

func newLineProgress(w io.Writer, now func() time.Time) *lineProgress {
	return &lineProgress{w: w, now: now}
}

func (p *lineProgress) Start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total, p.done, p.started = total, 0, true
	p.draw()
}

func (p *lineProgress) Done(string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if !p.started {
		return
	}
	if p.done >= p.total || p.now().Sub(p.last) >= redrawEvery {
		p.draw()
	}
}

// Finish erases the line, so that what the driver prints next starts at the
// beginning of a clean line.
func (p *lineProgress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	p.started = false
}

func (p *lineProgress) Wrap(w io.Writer) io.Writer { return progressWriter{p, w} }

// A progressWriter writes under the progress line.
type progressWriter struct {
	p *lineProgress
	w io.Writer
}

func (pw progressWriter) Write(b []byte) (int, error) {
	p := pw.p
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	n, err := pw.w.Write(b)
	if p.started && bytes.HasSuffix(b, []byte("\n")) {
		p.draw()
	}
	return n, err
}

// erase clears the line on screen, if any; p.mu is held.
func (p *lineProgress) erase() {
	if p.drawnLen > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.drawnLen))
	}
	p.drawnLen = 0
}

// draw redraws the line; p.mu is held. A shorter line than the one on screen
// is padded with spaces rather than cleared with an escape sequence, which
// not every terminal understands.
func (p *lineProgress) draw() {
	line := fmt.Sprintf("maplint: %d/%d packages", p.done, p.total)
	pad := ""
	if n := p.drawnLen - len(line); n > 0 {
		pad = strings.Repeat(" ", n) + strings.Repeat("\b", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.drawnLen = len(line)
	p.last = p.now()
}
