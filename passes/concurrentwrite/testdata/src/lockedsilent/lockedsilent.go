// This file exercises correctly locked code that must stay silent: direct
// and deferred locks, helpers that lock, *Locked helpers whose callers hold
// the lock, constructors filling a map before returning it, sharded locks,
// and sync.Map.
package lockedsilent

import "sync"

type Store struct {
	mu sync.Mutex
	m  map[string]int
}

func NewStore(seed []string) *Store {
	s := &Store{m: make(map[string]int)}
	for _, k := range seed {
		s.m[k] = 1 // fresh object, not shared yet
	}
	s.fill(seed)
	return s
}

// fill is only called by the constructor, on an object nobody else has.
func (s *Store) fill(seed []string) {
	for _, k := range seed {
		s.m[k+"!"] = 2
	}
}

func (s *Store) Put(k string, v int) {
	s.mu.Lock()
	s.m[k] = v
	s.mu.Unlock()
}

func (s *Store) Del(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, k)
}

func (s *Store) lock()   { s.mu.Lock() }
func (s *Store) unlock() { s.mu.Unlock() }

func (s *Store) ViaHelper(k string) {
	s.lock()
	defer s.unlock()
	s.m[k]++
}

// bumpLocked is called only with s.mu held; its name is not what tells.
func (s *Store) bumpLocked(k string) { s.m[k]++ }

func (s *Store) Bump(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bumpLocked(k)
	s.bumpLocked(k + "x")
}

func (s *Store) Bump2(k string) {
	s.mu.Lock()
	s.bumpLocked(k)
	s.mu.Unlock()
}

func (s *Store) InClosure(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	func() { s.m[k] = 3 }()
}

func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.m)
}

// A sharded map: each shard's mutex guards the shard's map.
type shard struct {
	mu sync.RWMutex
	m  map[string]int
}

type Sharded struct {
	shards [16]shard
}

func (s *Sharded) Put(k string, v int) {
	sh := &s.shards[len(k)%16]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.m[k] = v
}

func (s *Sharded) Get(k string) int {
	sh := &s.shards[len(k)%16]
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.m[k]
}

func (s *Sharded) Del(k string) {
	i := len(k) % 16
	s.shards[i].mu.Lock()
	delete(s.shards[i].m, k)
	s.shards[i].mu.Unlock()
}

// sync.Map needs no lock.
var cache sync.Map

func Remember(k string) { cache.Store(k, true) }

// Value receivers: a copy of the struct (vet's copylocks is about that).
type Counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k]++
}

func init() {
	var c Counter
	c.m = map[string]int{}
	c.m["init"] = 1
}

// Clone fills the maps of a copy it just made: nobody else has it yet,
// whatever lock it holds on the original.
func (s *Store) Clone() *Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.copy()
	for k, v := range s.m {
		c.m[k] = v
	}
	return c
}

func (s *Store) copy() *Store { return &Store{m: make(map[string]int, len(s.m))} }

// The lock that protects dropLocked is db.mu, reached from the caller as
// conn.db.mu: the callee cannot name it, so it is not second-guessed.
type DB struct {
	mu   sync.Mutex
	deps map[*Conn]int
}

type Conn struct{ db *DB }

func (db *DB) Add(c *Conn) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.deps[c]++
}

func (db *DB) Close(conns []*Conn) {
	db.mu.Lock()
	defer db.mu.Unlock()
	for _, c := range conns {
		c.closeLocked()
	}
}

func (c *Conn) closeLocked() { c.db.dropLocked(c) }

func (db *DB) dropLocked(c *Conn) { delete(db.deps, c) }

// Callback is used as a value: it runs where its caller decides (here,
// under the lock), so it is neither a finding nor evidence.
func (s *Store) Each(f func(*Store)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *Store) Reset() {
	s.Each(func(s *Store) { s.m["reset"] = 0 })
}

// Template embeds a pointer to a namespace shared by associated templates.
type namespace struct {
	mu  sync.Mutex
	set map[string]*Template
}

type Template struct {
	*namespace
	name string
}

func (t *Template) Lookup(name string) *Template {
	t.namespace.mu.Lock()
	defer t.namespace.mu.Unlock()
	return t.set[name]
}

func (t *Template) Add(name string) {
	t.namespace.mu.Lock()
	defer t.namespace.mu.Unlock()
	t.set[name] = &Template{namespace: t.namespace, name: name}
}

// NewTemplate fills the set of a namespace it made: the object is reached
// through a pointer field, but it is still the constructor's own.
func NewTemplate(name string) *Template {
	ns := &namespace{set: map[string]*Template{}}
	t := &Template{namespace: ns, name: name}
	t.set[name] = t
	return t
}

// Clone gets its copy from a call and initialises it there.
func (t *Template) Clone() *Template {
	nt := t.fresh()
	nt.init()
	t.namespace.mu.Lock()
	defer t.namespace.mu.Unlock()
	for k, v := range t.set {
		nt.set[k] = v
	}
	return nt
}

func (t *Template) fresh() *Template { return &Template{name: t.name} }

func (t *Template) init() {
	if t.namespace == nil {
		t.namespace = &namespace{set: map[string]*Template{}}
	}
}

// Postings adds through a callback that runs during the call, under the lock.
type Postings struct {
	mu sync.Mutex
	m  map[string][]int
}

type Labels []string

func (ls Labels) Range(f func(string)) {
	for _, l := range ls {
		f(l)
	}
}

func (p *Postings) Add(id int, ls Labels) {
	p.mu.Lock()
	ls.Range(func(l string) {
		p.addFor(id, l)
	})
	p.addFor(id, "all")
	p.mu.Unlock()
}

func (p *Postings) Get(l string) []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.m[l]
}

func (p *Postings) addFor(id int, l string) { p.m[l] = append(p.m[l], id) }

// Agent truncates from its one background goroutine, under a read lock that
// excludes Close; the map is only ever touched by that goroutine.
type Agent struct {
	mu      sync.RWMutex
	deleted map[int]bool
	stop    chan struct{}
}

func (a *Agent) Start() { go a.run() }

func (a *Agent) run() {
	for range a.stop {
		a.truncate()
	}
}

func (a *Agent) truncate() {
	a.mu.RLock()
	defer a.mu.RUnlock()
	for k := range a.deleted {
		delete(a.deleted, k)
	}
	a.deleted[0] = true
}

func (a *Agent) Close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	close(a.stop)
}

// Index takes its read lock to exclude the indexer, and the matchers' own
// mutex for the map it writes.
type Index struct {
	indexLock    sync.RWMutex
	matchersLock sync.Mutex
	matchers     map[int]bool
}

func (f *Index) NewMatcher(id int) {
	f.indexLock.RLock()
	f.matchersLock.Lock()
	defer func() {
		f.matchersLock.Unlock()
		f.indexLock.RUnlock()
	}()
	f.matchers[id] = true
}

func (f *Index) Matchers() int {
	f.matchersLock.Lock()
	defer f.matchersLock.Unlock()
	return len(f.matchers)
}

// Server's handler names are read under its mutex once it runs; Node
// registers them under its own lock, only before it starts.
type Server struct {
	mu    sync.Mutex
	names map[string]string
}

func (h *Server) Start() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for range h.names {
	}
}

func (h *Server) Names() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.names)
}

type Node struct {
	lock    sync.Mutex
	started bool
	http    *Server
}

func (n *Node) Register(name, path string) {
	n.lock.Lock()
	defer n.lock.Unlock()
	if n.started {
		panic("running")
	}
	n.http.names[path] = name
}

// Cache hands a cleaner to a batch inside its critical section; the
// cleaner's exported Put (an unexported type's method, reached through an
// interface) runs under that lock.
type Cache struct {
	lock    sync.Mutex
	dirties map[string]int
}

type writer interface{ Put(k string) }

type cleaner struct{ c *Cache }

func (cl *cleaner) Put(k string) { delete(cl.c.dirties, k) }

func replay(keys []string, w writer) {
	for _, k := range keys {
		w.Put(k)
	}
}

func (c *Cache) Commit(keys []string) {
	c.lock.Lock()
	defer c.lock.Unlock()
	replay(keys, &cleaner{c})
}

func (c *Cache) Add(k string) {
	c.lock.Lock()
	defer c.lock.Unlock()
	c.dirties[k]++
}

// A package-level lock held around whole runs is not the guard of each
// benchmark's own map.
var runLock sync.Mutex

type Bench struct{ extra map[string]float64 }

func (b *Bench) Reset() { clear(b.extra) } // want Reset:"requires\\(lockedsilent.runLock\\)"

func (b *Bench) Report(n float64, unit string) { b.extra[unit] = n }

func Run(b *Bench) {
	runLock.Lock()
	defer runLock.Unlock()
	b.Reset()
}
