package deepreach

import "sync"

// go func() { f() }(), the closure f calling a chain whose end writes the
// map that Tally returns.
func Tally(keys []string) map[string]int {
	counts := map[string]int{}
	bump := func(k string) { t1(counts, k) }
	for _, k := range keys {
		go func() { bump(k) }()
	}
	return counts
}

func t1(m map[string]int, k string) { t2(m, k) }
func t2(m map[string]int, k string) { t3(m, k) }
func t3(m map[string]int, k string) { t4(m, k) }
func t4(m map[string]int, k string) { t5(m, k) }
func t5(m map[string]int, k string) {
	m[k]++ // want `concurrent write to map m \(held: none\); also accessed by other goroutines started in a loop in Tally`
}

// The closure locks around the chain: silent.
func TallyLocked(keys []string) map[string]int {
	var mu sync.Mutex
	counts := map[string]int{}
	bump := func(k string) {
		mu.Lock()
		defer mu.Unlock()
		u1(counts, k)
	}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bump(k)
		}()
	}
	wg.Wait()
	return counts
}

func u1(m map[string]int, k string) { u2(m, k) }
func u2(m map[string]int, k string) { u3(m, k) }
func u3(m map[string]int, k string) { u4(m, k) }
func u4(m map[string]int, k string) { u5(m, k) }
func u5(m map[string]int, k string) { m[k]++ }

// An interface with one implementation in the package, called from the
// goroutines Fanout starts; the implementation writes four calls below.
type Sink interface{ Put(k string) }

type memSink struct{ seen map[string]int }

func NewSink() Sink { return &memSink{seen: map[string]int{}} }

func (s *memSink) Put(k string)  { s.put1(k) } // want Put:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
func (s *memSink) put1(k string) { s.put2(k) }
func (s *memSink) put2(k string) { s.put3(k) }
func (s *memSink) put3(k string) { s.put4(k) }
func (s *memSink) put4(k string) {
	s.seen[k]++ // want `concurrent write to map s.seen \(held: none\); also accessed by other goroutines started in a loop in Fanout`
}

func Fanout(s Sink, keys []string) {
	for _, k := range keys {
		go func() { relay(s, k) }()
	}
}

func relay(s Sink, k string) { s.Put(k) }

type lockedSink struct {
	mu   sync.Mutex
	seen map[string]int
}

func NewLockedSink() Sink { return &lockedSink{seen: map[string]int{}} }

func (s *lockedSink) Put(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lput1(k)
}
func (s *lockedSink) lput1(k string) { s.lput2(k) }
func (s *lockedSink) lput2(k string) { s.lput3(k) }
func (s *lockedSink) lput3(k string) { s.lput4(k) }
func (s *lockedSink) lput4(k string) { s.seen[k]++ }
