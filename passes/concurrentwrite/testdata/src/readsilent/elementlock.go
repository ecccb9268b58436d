package readsilent

import "sync"

// A mutex found in an entry of a map orders the goroutines that work on
// that entry. It guards the maps inside the entry (silent), and holding it
// is no locking discipline over a map outside the entry, which the
// goroutines working on other keys reach holding other mutexes: a read
// there without the map's guard is reported (ipni/storetheindex#606, in
// realbugs).

type shard struct {
	mu    sync.Mutex
	items map[string]int
}

type Sharded struct {
	mu     sync.Mutex
	shards map[int]*shard
	sizes  map[int]int
}

func (s *Sharded) AddShard(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shards[i] = &shard{items: make(map[string]int)}
	s.sizes[i] = 0
}

// Put locks the shard it found, and fills the shard's own map: silent.
func (s *Sharded) Put(i int, k string, v int) {
	s.mu.Lock()
	sh := s.shards[i]
	s.mu.Unlock()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.items[k] = v
}

func (s *Sharded) Len(i int, k string) int {
	s.mu.Lock()
	sh := s.shards[i]
	s.mu.Unlock()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return len(sh.items)
}

// Size holds the mutex of entry i of the map locks, not s.mu, while it
// reads s.sizes, which AddShard grows under s.mu.
type Sizes struct {
	mu    sync.Mutex
	locks map[int]*sync.Mutex
	sizes map[int]int
}

func (s *Sizes) Add(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.locks[i] = new(sync.Mutex)
	s.sizes[i] = 0
}

func (s *Sizes) Size(i int) int {
	s.locks[i].Lock()   // want `concurrent read of map s.locks without s.mu \(held: none\)`
	n := s.sizes[i]     // want `concurrent read of map s.sizes without s.mu \(held: s.locks\[i\]\)`
	s.locks[i].Unlock() // want `concurrent read of map s.locks without s.mu \(held: s.locks\[i\]\)`
	return n
}

// SizeLocked finds the entry's mutex under s.mu and keeps s.mu for the
// read: silent.
func (s *Sizes) SizeLocked(i int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.locks[i]
	l.Lock()
	defer l.Unlock()
	return s.sizes[i]
}

// A mutex kept in a sync.Map entry guards the maps of that entry: silent,
// like shard.mu above (the per-key lock of weka/csi-wekafs#712, in
// realbugs, guards nothing outside it).
type keyedEntry struct {
	mu    sync.Mutex
	items map[string]int
}

type KeyedEntries struct {
	entries sync.Map // key -> *keyedEntry
}

func (s *KeyedEntries) entry(k string) *keyedEntry {
	e, _ := s.entries.LoadOrStore(k, &keyedEntry{items: make(map[string]int)})
	return e.(*keyedEntry)
}

func (s *KeyedEntries) Put(k, x string, v int) {
	e := s.entry(k)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.items[x] = v
}

func (s *KeyedEntries) Get(k, x string) int {
	e := s.entry(k)
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.items[x]
}
