// Package cli calls the internal config.Reader as benthos' cli/common does.
package cli

import "phaseorder/internal/config"

// RunService is benthos' RunService: Read, then the watcher, started in a
// helper (initNormalMode). Silent.
func RunService(paths []string) error {
	r := config.NewReader(paths...)
	if err := r.Read(); err != nil {
		return err
	}
	return initNormalMode(r)
}

func initNormalMode(r *config.Reader) error {
	r.SubscribeChanges(func(string) {})
	return r.BeginFileWatching()
}

// Echo reads a reader it was given: no spawner call in sight. Silent.
func Echo(r *config.Reader) error { return r.Read() } // want Echo:`writes\(\$0\.#1\),writes\(\$0\.#2\)`

// Reload reads again after the watcher started: the watcher rewrites the
// maps Read fills, concurrently. No fix: the Read is meant to come after
// the watcher, and the maps' lock would go in package config.
func Reload(paths []string) error {
	r := config.NewReader(paths...)
	r.SubscribeChanges(func(string) {})
	if err := r.BeginFileWatching(); err != nil {
		return err
	}
	return r.Read() // want `Reader.Read called after \(\*Reader\).BeginFileWatching started its goroutine on the same object: concurrent write to map r.modTimeLastRead \(held: none\); also accessed by`
}

// ReloadWatch is Reload through Watch, which calls BeginFileWatching.
func ReloadWatch(paths []string) error {
	r := config.NewReader(paths...)
	if err := r.Watch(func(string) {}); err != nil {
		return err
	}
	return r.Read() // want `Reader.Read called after \(\*Reader\).Watch started its goroutine on the same object: .*; no fix: calling it before \(\*Reader\).Watch changes the program, and a lock belongs in package config$`
}

// ReadEach reads one fresh reader per path and watches each after its
// read: the next iteration's Read is on another reader. Silent.
func ReadEach(paths []string) {
	for _, p := range paths {
		r := config.NewReader(p)
		_ = r.Read()
		_ = r.Watch(func(string) {})
	}
}
