// Package agent is pion/ice v4.4.9's Agent in its original shape: every
// access to its candidate maps runs in a closure handed to a.loop.Run
// (directly, or in a helper only such closures call), so the accesses
// never run at once. Stop 30 reported 18 of them as races, all false.
// Post does not wait, but its tasks still run one at a time with Run's.
// The twins are reported: a method that writes the map outside the loop,
// and a closure that is started with go as well as run by the loop.
package agent

import (
	"context"
	"sync"

	"serial/taskloop"
)

type Candidate struct{ network string }

type Agent struct {
	loop             *taskloop.Loop
	localCandidates  map[string][]*Candidate
	remoteCandidates map[string][]*Candidate
	pairsByID        map[uint64]string
	posted           map[string]int

	mu      sync.Mutex
	history map[string]int
}

func NewAgent() *Agent {
	a := &Agent{
		localCandidates:  map[string][]*Candidate{},
		remoteCandidates: map[string][]*Candidate{},
		pairsByID:        map[uint64]string{},
		posted:           map[string]int{},
		history:          map[string]int{},
	}
	a.loop = taskloop.New(func() {})
	return a
}

// AddRemoteCandidate runs in the loop, from a goroutine of its own.
func (a *Agent) AddRemoteCandidate(c *Candidate) error {
	go func() {
		_ = a.loop.Run(a.loop, func(_ context.Context) {
			a.addRemoteCandidate(c)
		})
	}()
	return nil
}

func (a *Agent) addRemoteCandidate(c *Candidate) {
	set := a.remoteCandidates[c.network]
	a.remoteCandidates[c.network] = append(set, c)
	for _, l := range a.localCandidates[c.network] {
		a.addPair(l, c)
	}
}

func (a *Agent) addPair(l, r *Candidate) {
	a.pairsByID[uint64(len(a.pairsByID))] = l.network + r.network
}

// AddCandidate runs in the loop too, holding a.mu while it waits.
func (a *Agent) AddCandidate(ctx context.Context, c *Candidate) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.loop.Run(ctx, func(_ context.Context) {
		a.localCandidates[c.network] = append(a.localCandidates[c.network], c)
		for _, r := range a.remoteCandidates[c.network] {
			a.addPair(c, r)
		}
		a.history[c.network]++
	})
}

// Restart clears the candidates in the loop.
func (a *Agent) Restart() error {
	return a.loop.Run(a.loop, func(_ context.Context) {
		a.remoteCandidates = map[string][]*Candidate{}
		clear(a.localCandidates)
		clear(a.pairsByID)
	})
}

// Count reads under a.mu: Run waits for its task, so AddCandidate's task
// runs holding it.
func (a *Agent) Count(network string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.history[network]
}

// Post's tasks run alone among the loop's tasks.
func (a *Agent) Bump(network string) {
	a.loop.Post(func(context.Context) {
		a.posted[network]++
	})
}

func (a *Agent) Posted(network string) (n int) {
	_ = a.loop.Run(a.loop, func(context.Context) {
		n = a.posted[network]
	})
	return n
}

// Twins: the same maps written outside the loop.

type Leaky struct {
	loop  *taskloop.Loop
	cands map[string]int
	done  map[string]int
}

func NewLeaky() *Leaky {
	return &Leaky{loop: taskloop.New(func() {}), cands: map[string]int{}, done: map[string]int{}}
}

func (l *Leaky) Add(k string) error {
	return l.loop.Run(l.loop, func(context.Context) {
		l.cands[k]++
	})
}

// Remove writes outside the loop: it races with Add's task.
func (l *Leaky) Remove(k string) {
	delete(l.cands, k) // want `concurrent write to map l.cands without l.loop's executor \(held: none\); also accessed by \(\*Leaky\).Add`
}

// Mark's closure is run by the loop and also started with go: that
// goroutine runs it outside the loop.
func (l *Leaky) Mark(k string) error {
	f := func(context.Context) {
		l.done[k]++ // want `concurrent write to map l.done \(held: none\); also accessed by \(\*Leaky\).Marked`
	}
	go f(context.Background())
	return l.loop.Run(l.loop, f)
}

func (l *Leaky) Marked(k string) (n int) {
	_ = l.loop.Run(l.loop, func(context.Context) {
		n = l.done[k]
	})
	return n
}
