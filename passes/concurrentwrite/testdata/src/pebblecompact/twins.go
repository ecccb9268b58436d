package pebblecompact

import "sync"

// The twins. In each, a function of a table calls a helper that only it
// calls, which calls a helper that an exported method also calls under
// the lock: the table's calls decide the locks of both helpers.

// A map of functions, one of whose calls holds no lock: reported.
type Store struct {
	mu    sync.Mutex
	items map[string]int
}

func NewStore() *Store { return &Store{items: make(map[string]int)} }

func (s *Store) Put(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[k] = v
}

func (s *Store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items[k]
}

func (s *Store) Remove(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.remove(k)
}

var upgrades = map[int]func(*Store){
	1: func(s *Store) {},
	2: func(s *Store) { s.renameLocked("old") },
}

func (s *Store) renameLocked(k string) { s.remove(k) }

func (s *Store) remove(k string) {
	delete(s.items, k) // want `concurrent write to map s.items without s.mu \(held: none\)`
}

func (s *Store) UpgradeLocked(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	upgrades[v](s)
}

// Upgrade calls through the table without s.mu.
func (s *Store) Upgrade(v int) { upgrades[v](s) }

// A slice of functions, every call of which holds the lock: silent.
type Log struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (l *Log) Mark(k string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen[k] = true
}

func (l *Log) Has(k string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seen[k]
}

func (l *Log) Reset(k string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.forget(k)
}

var hooks = []func(*Log, string){
	func(l *Log, k string) { l.forgetLocked(k) },
}

func (l *Log) forgetLocked(k string) { l.forget(k) }

func (l *Log) forget(k string) { delete(l.seen, k) }

func (l *Log) Forget(k string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(hooks) > 0 && hooks[0] != nil {
		hooks[0](l, k)
	}
}

// An array of functions called under the lock, but one of them handed
// out by an exported function: anyone may call it, with any lock, and the
// table's calls say nothing. Reported.
type Journal struct {
	mu   sync.Mutex
	last map[string]bool
}

func (j *Journal) Mark(k string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.last[k] = true
}

func (j *Journal) Has(k string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.last[k]
}

func (j *Journal) Reset(k string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.drop(k)
}

var cleanups = [1]func(*Journal, string){
	func(j *Journal, k string) { j.dropLocked(k) },
}

func (j *Journal) dropLocked(k string) { j.drop(k) }

func (j *Journal) drop(k string) {
	delete(j.last, k) // want `concurrent write to map j.last without j.mu \(held: none\)`
}

// Cleanup returns a function of the table: its callers are not known.
func Cleanup() func(*Journal, string) { return cleanups[0] }

func (j *Journal) Drop(k string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	cleanups[0](j, k)
}

// A variable holding one function, called under the lock and tested for
// nil: silent.
type Queue struct {
	mu      sync.Mutex
	pending map[int]bool
}

func (q *Queue) Add(id int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending[id] = true
}

func (q *Queue) Done(id int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.finish(id)
}

var onCancel = func(q *Queue, id int) { q.cancelLocked(id) }

func (q *Queue) cancelLocked(id int) { q.finish(id) }

func (q *Queue) finish(id int) { delete(q.pending, id) }

func (q *Queue) Cancel(id int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if onCancel != nil {
		onCancel(q, id)
	}
}
