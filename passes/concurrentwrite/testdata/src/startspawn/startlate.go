package startspawn

import "errors"

// The twins of etcd.go, each reported: a write after the spawner's call
// (StartLate); a method that writes at any time after the start (Add); a
// start that spawns only when a flag is unset (Ensure), whose second call
// writes after the first one's spawn; a start whose other path returns
// the result of a call, nil when it succeeds, without spawning (StartOr);
// a start that spawns in a loop (StartEach); a method that starts
// another watcher than its receiver's (Adopt); and a start whose deferred
// call, registered first, runs after the spawn (StartNoted).

type Watcher struct {
	started bool
	skip    bool
	members map[string]int
	events  chan map[string]int
}

func NewWatcher() *Watcher {
	return &Watcher{members: map[string]int{}, events: make(chan map[string]int)}
}

func (w *Watcher) startWatching() {
	go func() {
		for ch := range w.events {
			for k, v := range ch {
				w.members[k] = v // want `concurrent write to map w.members \(held: none\); also accessed by \(\*Watcher\)\.StartLate`
			}
		}
	}()
}

func (w *Watcher) StartLate(self string) { // want StartLate:`writes\(\$0\.#2\)`
	w.startWatching()
	w.members[self] = 2 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine started in \(\*Watcher\).startWatching`
}

func (w *Watcher) Add(n string) { // want Add:`writes\(\$0\.#2\)`
	w.members[n] = 1 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
}

func (w *Watcher) Ensure(k string) { // want Ensure:`writes\(\$0\.#2\)`
	w.members[k] = 1 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
	if !w.started {
		w.started = true
		w.startWatching()
	}
}

func (w *Watcher) StartOr(k string) error { // want StartOr:`writes\(\$0\.#2\)`
	w.members[k] = 1 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
	if w.skip {
		return w.register()
	}
	w.startWatching()
	return nil
}

func (w *Watcher) register() error {
	if w.events == nil {
		return errors.New("no events")
	}
	return nil
}

func (w *Watcher) StartEach(names []string) { // want StartEach:`writes\(\$0\.#2\)`
	for _, n := range names {
		w.members[n] = 1 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
		w.startWatching()
	}
}

func (w *Watcher) Adopt(other *Watcher, k string) { // want Adopt:`writes\(\$0\.#2\)`
	w.members[k] = 1 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
	other.startWatching()
}

func (w *Watcher) StartNoted(k string) {
	defer w.note(k)
	w.startWatching()
}

func (w *Watcher) note(k string) {
	w.members[k] = 3 // want `concurrent write to map w.members \(held: none\); also accessed by the goroutine`
}
