// nats-server v2.15.3, jetstream_api.go: the stream-restore request runs
// the restore in a goroutine of its own, which computes the account's
// reservation with tieredReservation ("read lock must be held") without
// jsa.mu, ranging jsa.streams while stream-create requests add to it under
// jsa.mu.
package unseenraces

import "sync"

type stream struct{ maxBytes int64 }

type jsAccount struct {
	mu      sync.RWMutex
	streams map[string]*stream
}

func (jsa *jsAccount) AddStream(name string, s *stream) {
	jsa.mu.Lock()
	defer jsa.mu.Unlock()
	jsa.streams[name] = s
}

// Read lock must be held.
func (jsa *jsAccount) tieredReservation() int64 {
	var r int64
	for _, s := range jsa.streams { // want `concurrent read of map jsa.streams without jsa.mu \(held: none\)`
		r += s.maxBytes
	}
	return r
}

func (jsa *jsAccount) LimitsCheck() int64 {
	jsa.mu.RLock()
	defer jsa.mu.RUnlock()
	return jsa.tieredReservation()
}

func (jsa *jsAccount) restore() int64 { return jsa.tieredReservation() }

// Restore starts the restore goroutine: the race.
func (jsa *jsAccount) Restore(done chan<- int64) {
	go func() { done <- jsa.restore() }()
}

// The twin: the restore takes the read lock around the reservation.

type jsAccount2 struct {
	mu      sync.RWMutex
	streams map[string]*stream
}

func (jsa *jsAccount2) AddStream(name string, s *stream) {
	jsa.mu.Lock()
	defer jsa.mu.Unlock()
	jsa.streams[name] = s
}

func (jsa *jsAccount2) tieredReservation() int64 {
	var r int64
	for _, s := range jsa.streams {
		r += s.maxBytes
	}
	return r
}

func (jsa *jsAccount2) restore() int64 {
	jsa.mu.RLock()
	defer jsa.mu.RUnlock()
	return jsa.tieredReservation()
}

func (jsa *jsAccount2) Restore(done chan<- int64) {
	go func() { done <- jsa.restore() }()
}
