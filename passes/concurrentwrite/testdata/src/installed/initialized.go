package installed

import "sync"

// A package variable of an interface type whose initializer installs the
// implementation (issue 10): the goroutines' calls through the variable
// run (*memStore).Put, which writes its map unlocked. The twin's
// implementation locks its own mutex.

type Store interface{ Put(k string, v int) }

var store Store = &memStore{m: map[string]int{}}

type memStore struct{ m map[string]int }

func (s *memStore) Put(k string, v int) { // want Put:`writes\(\$0\.#0\)`
	s.m[k] = v // want `concurrent write to map s.m \(held: none\); also accessed by other goroutines started in a loop in FillStore`
}

func FillStore(keys []string) {
	for _, k := range keys {
		go func() { store.Put(k, 1) }()
	}
}

type Counter interface{ Add(k string) }

var counter Counter = &lockedCounter{m: map[string]int{}}

type lockedCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *lockedCounter) Add(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k]++
}

func FillCounter(keys []string) {
	for _, k := range keys {
		go func() { counter.Add(k) }()
	}
}
