package objectrace

import "time"

// asynq v0.26.0's PeriodicTaskManager: Start fills mgr.m (initialSync)
// and then starts the syncer goroutine, which adds and removes entries on
// every tick; Run calls Start and waits for a signal. What Run reaches
// through Start precedes the spawn of that very call: Run is the spawner
// run by another name, and is not paired with the syncer.

type Manager struct {
	m    map[string]string
	done chan struct{}
	tick time.Duration
}

func (mgr *Manager) Start() error { // want Start:`writes\(\$0\.#0\)`
	mgr.add([]string{"initial"})
	go func() {
		t := time.NewTicker(mgr.tick)
		for {
			select {
			case <-mgr.done:
				t.Stop()
				return
			case <-t.C:
				mgr.sync()
			}
		}
	}()
	return nil
}

func (mgr *Manager) Run() error { // want Run:`writes\(\$0\.#0\)`
	if err := mgr.Start(); err != nil {
		return err
	}
	waitForSignals()
	mgr.Shutdown()
	return nil
}

func (mgr *Manager) Shutdown() { close(mgr.done) }

func waitForSignals() { time.Sleep(time.Second) }

func (mgr *Manager) add(cs []string) {
	for _, c := range cs {
		mgr.m[c] = c
	}
}

func (mgr *Manager) sync() {
	for k := range mgr.m {
		delete(mgr.m, k)
	}
	mgr.add([]string{"next"})
}

// The twin: Resync writes mgr.m itself, at any time after Start.

type Manager2 struct {
	m    map[string]string
	done chan struct{}
	tick time.Duration
}

func (mgr *Manager2) Start() error { // want Start:`writes\(\$0\.#0\)`
	mgr.add([]string{"initial"})
	go func() {
		t := time.NewTicker(mgr.tick)
		for {
			select {
			case <-mgr.done:
				t.Stop()
				return
			case <-t.C:
				mgr.sync()
			}
		}
	}()
	return nil
}

func (mgr *Manager2) Resync() { // want Resync:`writes\(\$0\.#0\)`
	mgr.add([]string{"again"})
}

func (mgr *Manager2) add(cs []string) {
	for _, c := range cs {
		mgr.m[c] = c // want `concurrent write to map mgr.m \(held: none\); also accessed by`
	}
}

func (mgr *Manager2) sync() {
	for k := range mgr.m { // want `concurrent read of map mgr.m \(held: none\)`
		delete(mgr.m, k) // want `concurrent write to map mgr.m \(held: none\)`
	}
	mgr.add([]string{"next"})
}
