// Package config is benthos v4.60.0's internal/config.Reader in its
// original shape: Read fills the maps of the files it read, and
// BeginFileWatching starts the watcher goroutine that rereads changed
// files into the same maps, without a lock. Its callers (benthos'
// cli/common.RunService) call Read first and BeginFileWatching last; the
// doc comment says the subscriptions must come first too. The package is
// internal, so every caller is in the module and is analysed after it: the
// pairing of Read with the watcher is left to them (a PhaseFact on Read),
// and reported only at a call of Read that follows BeginFileWatching.
package config

import (
	"errors"
	"time"
)

type Reader struct {
	paths           []string
	modTimeLastRead map[string]time.Time
	resourceInfo    map[string]string
	updateFn        func(string)
}

func NewReader(paths ...string) *Reader {
	return &Reader{paths: paths, modTimeLastRead: map[string]time.Time{}, resourceInfo: map[string]string{}}
}

// Read reads every file: setup, before the watcher starts.
func (r *Reader) Read() error { // want Read:`after\(\(\*Reader\).BeginFileWatching\),after\(\(\*Reader\).Watch\)` Read:`writes\(\$0\.#1\),writes\(\$0\.#2\)`
	for _, p := range r.paths {
		r.readFile(p)
	}
	return nil
}

func (r *Reader) readFile(p string) {
	r.modTimeLastRead[p] = time.Now()
	r.resourceInfo[p] = p
}

// SubscribeChanges must be called before BeginFileWatching.
func (r *Reader) SubscribeChanges(fn func(string)) { r.updateFn = fn }

// BeginFileWatching starts the goroutine that rereads changed files.
func (r *Reader) BeginFileWatching() error {
	if r.updateFn == nil {
		return errors.New("a file watcher cannot be started without a subscription function registered")
	}
	go r.watch()
	return nil
}

// Watch subscribes and starts watching: an exported method that calls the
// spawner on its receiver starts the goroutine too.
func (r *Reader) Watch(fn func(string)) error {
	r.SubscribeChanges(fn)
	return r.BeginFileWatching()
}

func (r *Reader) watch() {
	for range time.Tick(time.Second) {
		for _, p := range r.paths {
			if time.Since(r.modTimeLastRead[p]) > time.Second {
				r.readFile(p)
				r.updateFn(p)
			}
		}
	}
}

// Cache starts its goroutine in its constructor: it runs from the
// object's birth, so every call of Put follows it, whoever calls it.
// Reported where it is defined, internal or not.
type Cache struct {
	m map[string]string
}

func NewCache() *Cache {
	c := &Cache{m: map[string]string{}}
	go c.expire()
	return c
}

func (c *Cache) expire() {
	for range time.Tick(time.Second) {
		clear(c.m) // want `concurrent write to map c.m \(held: none\); also accessed by \(\*Cache\).Put`
	}
}

func (c *Cache) Put(k, v string) { // want Put:`writes\(\$0\.#0\)`
	c.m[k] = v // want `concurrent write to map c.m \(held: none\); also accessed by the goroutine started in NewCache`
}
