// This file exercises a struct whose map is guarded by its mutex in every
// method but one: the method that forgets the lock is reported.
package guardedstruct

import (
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"guardedstruct/table"
)

type Session struct {
	mu   sync.Mutex
	seen map[string]bool
	hits map[string]int
}

func (s *Session) Add(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen[id] = true
}

func (s *Session) Has(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seen[id]
}

func (s *Session) Forget(id string) {
	delete(s.seen, id) // want `concurrent write to map s.seen without s.mu \(held: none\); also accessed by \(\*Session\).Add`
}

func (s *Session) Hit(id string) {
	s.mu.Lock()
	s.hits[id]++
	s.mu.Unlock()
}

func (s *Session) Reset(id string) {
	s.hits[id] = 0     // want `concurrent write to map s.hits without s.mu \(held: none\)`
	s.seen[id] = false // want `concurrent write to map s.seen without s.mu`
}

// Count locks only part of the time: the write after the unlock is reported.
func (s *Session) Count(id string) int {
	s.mu.Lock()
	n := s.hits[id]
	s.mu.Unlock()
	s.hits[id] = n + 1 // want `concurrent write to map s.hits without s.mu`
	return n
}

// Compute calls a function in the statement: no fix (it might lock).
func (s *Session) Compute(id string) {
	s.hits[id] = s.score(id) // want `concurrent write to map s.hits without s.mu`
}

func (s *Session) score(id string) int { return len(id) }


var (
	registryMu sync.RWMutex
	registry   = map[string]int{}
)

func Register(name string, v int) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = v
}

func Lookup(name string) int {
	registryMu.RLock()
	defer registryMu.RUnlock()
	return registry[name]
}

func Unregister(name string) {
	delete(registry, name) // want `concurrent write to map registry without registryMu \(held: none\); also accessed by Register`
}

// Trim writes before it locks through an alias and defers the unlock: the
// function already unlocks s.mu on return, so locking around the write is
// not offered.
func (s *Session) Trim(id string) {
	delete(s.seen, id) // want `concurrent write to map s.seen without s.mu \(held: none\).*; no fix: \(\*Session\)\.Trim already defers the unlock of s\.mu$`
	mu := &s.mu
	mu.Lock()
	defer mu.Unlock()
	s.hits[id] = len(s.seen)
}

// Counter's Measure calls a function of another package that is given
// nothing through which it could take c.mu: the fix is offered.
type Counter struct {
	mu   sync.Mutex
	lens map[string]int
}

func (c *Counter) Set(id string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lens[id] = n
}

func (c *Counter) Get(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lens[id]
}

func (c *Counter) Measure(id string) {
	c.lens[id] = utf8.RuneCountInString(id) // want `concurrent write to map c.lens without c.mu`
}

// Stamps' Touch calls time.Now and a method of its result, given nothing
// of this package: the fix is offered. Describe gives st to fmt.Sprint,
// which may call a String method that takes st.mu: no fix.
type Stamps struct {
	mu   sync.Mutex
	secs map[string]int
}

func (st *Stamps) Set(id string, n int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.secs[id] = n
}

func (st *Stamps) Get(id string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.secs[id]
}

func (st *Stamps) Len() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.secs)
}

func (st *Stamps) Touch(id string) {
	st.secs[id] = time.Now().Second() // want `concurrent write to map st.secs without st.mu`
}

func (st *Stamps) Describe(id string) {
	st.secs[id] = len(fmt.Sprint(st)) // want `concurrent write to map st.secs without st.mu` `concurrent read by fmt.Sprint of map st.secs without st.mu`
}

// Queue's push is called by Flush under q.mu and started by Kick without
// it: the write is reported, with no fix, since a Lock in push would
// deadlock Flush.
type Queue struct {
	mu      sync.Mutex
	pending map[string]int
}

func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.pending)
}

func (q *Queue) Drop(k string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.pending, k)
}

func (q *Queue) push(k string) {
	q.pending[k]++ // want `concurrent write to map q.pending without q.mu \(held: none\)`
}

func (q *Queue) Flush(k string) {
	q.mu.Lock()
	q.push(k)
	q.mu.Unlock()
}

func (q *Queue) Kick(k string) {
	go q.push(k)
}

func (q *Queue) Add(k string) {
	q.mu.Lock()
	q.pending[k]++
	q.mu.Unlock()
}

// Await's write receives from a channel: no fix, since the lock would be
// held while it waits, and the sender may need it.
func (q *Queue) Await(k string, ch <-chan int) {
	q.pending[k] = <-ch // want `concurrent write to map q.pending without q.mu \(held: none\).*; no fix: the statement receives from a channel, and would wait holding q\.mu$`
}

// Rows's guard is the mutex embedded in a table of another package, whose
// Len takes it: Count calls s.t.Len(), so no fix (a Lock around the write
// would deadlock in Len), although Len is another package's function.
type Rows struct{ t *table.Table }

func (s *Rows) Put(k string) {
	s.t.Lock()
	s.t.Rows[k] = 1
	s.t.Unlock()
}

func (s *Rows) Get(k string) int {
	s.t.Lock()
	defer s.t.Unlock()
	return s.t.Rows[k]
}

func (s *Rows) Count(k string) {
	s.t.Rows[k] = s.t.Len() // want `concurrent write to map s.t.Rows without s.t.Mutex \(held: none\)`
}

// Striped's guard is the first of its mutexes: the fix names a guard from
// the map's expression, which holds no index, so no fix.
type Striped struct {
	mus [2]sync.Mutex
	m   map[string]int
}

func (s *Striped) Put(k string, v int) {
	s.mus[0].Lock()
	defer s.mus[0].Unlock()
	s.m[k] = v
}

func (s *Striped) Get(k string) int {
	s.mus[0].Lock()
	defer s.mus[0].Unlock()
	return s.m[k]
}

func (s *Striped) Reset(k string) {
	s.m[k] = 0 // want `concurrent write to map s.m without s.mus\[0\] \(held: none\).*; no fix: s\.mus\[0\] is reached through an index$`
}
