// This file exercises reads made without the lock that guards the map's
// writes: index, comma-ok, range, len, maps.Keys, and the hidden reads of
// formatting, encoding and comparing a value that holds the map. Each has a
// silent twin that takes the lock, and the fix read-locks an RWMutex.
package unguardedread

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
)

type Svc struct{ Addr string }

type Registry struct {
	mu   sync.RWMutex
	svcs map[string]Svc
}

func (r *Registry) Register(name string, s Svc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.svcs[name] = s
}

func (r *Registry) Lookup(name string) Svc {
	return r.svcs[name] // want `concurrent read of map r.svcs without r.mu \(held: none\); also written by \(\*Registry\).Register holding it`
}

func (r *Registry) Has(name string) bool {
	_, ok := r.svcs[name] // want `concurrent read of map r.svcs without r.mu`
	return ok
}

func (r *Registry) Count() int {
	n := len(r.svcs) // want `concurrent read of map r.svcs without r.mu`
	return n
}

func (r *Registry) Names() []string {
	var out []string
	for k := range r.svcs { // want `concurrent read of map r.svcs without r.mu`
		out = append(out, k)
	}
	return out
}

func (r *Registry) Sorted() []string {
	return slices.Sorted(maps.Keys(r.svcs)) // want `concurrent read by maps.Keys of map r.svcs without r.mu`
}

// The silent twins hold the read lock or the write lock.
func (r *Registry) LookupLocked(name string) Svc {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.svcs[name]
}

func (r *Registry) CountLocked() int {
	r.mu.Lock()
	n := len(r.svcs)
	r.mu.Unlock()
	return n
}

// Hidden reads: formatting, encoding and comparing walk the maps.

type Stats struct {
	mu     sync.Mutex
	Counts map[string]int
	notes  map[string]string
}

func (s *Stats) Inc(k string) {
	s.mu.Lock()
	s.Counts[k]++
	s.notes[k] = "seen"
	s.mu.Unlock()
}

func (s *Stats) Dump() string {
	return fmt.Sprintf("%v", s) // want `concurrent read by fmt.Sprintf of map s.Counts without s.mu`
}

func (s *Stats) JSON() ([]byte, error) {
	return json.Marshal(s) // want `concurrent read by json.Marshal of map s.Counts without s.mu`
}

func (s *Stats) Same(o map[string]int) bool {
	return reflect.DeepEqual(s.Counts, o) // want `concurrent read by reflect.DeepEqual of map s.Counts without s.mu`
}

func (s *Stats) JSONLocked() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(s)
}

// A map read only under the lock and written only before it is shared
// gives no evidence of concurrent writes.
type Config struct {
	mu   sync.Mutex
	opts map[string]string
}

func NewConfig(kv map[string]string) *Config {
	c := &Config{opts: map[string]string{}}
	for k, v := range kv {
		c.opts[k] = v
	}
	return c
}

func (c *Config) Get(k string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opts[k]
}

func (c *Config) Peek(k string) string { return c.opts[k] }

// The owner goroutine: run makes every write, locking for the readers of
// other goroutines; its own reads need no lock.
type Owner struct {
	mu    sync.Mutex
	state map[string]int
}

func (o *Owner) Start() { go o.run() }

func (o *Owner) run() {
	for i := range 10 {
		if o.state["x"] > 3 {
			continue
		}
		o.mu.Lock()
		o.state["x"] = i
		o.mu.Unlock()
	}
}

func (o *Owner) Get(k string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.state[k]
}
