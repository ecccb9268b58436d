package installed

import "sync"

// What the spawner does around the store decides: a store it makes
// directly pins as a call does (silent), and one that does not dominate
// the spawn, one after the spawn, and one by the goroutine itself leave
// the calls to every implementation (reported).
// Each variable has its own method, which lockedPuts implements.
type lockedPuts struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (o *lockedPuts) put(k string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.keys[k] = true
}

func (o *lockedPuts) putDirect(k string)  { o.put(k) }
func (o *lockedPuts) putMaybe(k string)   { o.put(k) }
func (o *lockedPuts) putLater(k string)   { o.put(k) }
func (o *lockedPuts) putSelf(k string)    { o.put(k) }
func (o *lockedPuts) putBetween(k string) { o.put(k) }

func newLocked() *lockedPuts { return &lockedPuts{keys: map[string]bool{}} }

// A direct store: silent.
type directPutter interface{ putDirect(k string) }

var direct directPutter

type directPuts struct{ keys map[string]bool }

func (o *directPuts) putDirect(k string) { o.keys[k] = true }

func init() { direct = &directPuts{keys: map[string]bool{}} }

func directRun() {
	direct = newLocked()
	for range 4 {
		go func() { direct.putDirect("a") }()
	}
}

// A store on one path only: reported.
type maybePutter interface{ putMaybe(k string) }

var maybe maybePutter

type maybePuts struct{ keys map[string]bool }

func (o *maybePuts) putMaybe(k string) {
	o.keys[k] = true // want `concurrent write to map o.keys \(held: none\); also accessed by other goroutines started in a loop in maybeRun`
}

func init() { maybe = &maybePuts{keys: map[string]bool{}} }

func maybeRun(locked bool) {
	if locked {
		maybe = newLocked()
	}
	for range 4 {
		go func() { maybe.putMaybe("a") }()
	}
}

// A store after the spawn: reported.
type laterPutter interface{ putLater(k string) }

var later laterPutter

type laterPuts struct{ keys map[string]bool }

func (o *laterPuts) putLater(k string) {
	o.keys[k] = true // want `concurrent write to map o.keys \(held: none\); also accessed by other goroutines started in a loop in laterRun`
}

func laterRun() {
	later = newLocked()
	for range 4 {
		go func() { later.putLater("a") }()
	}
	later = &laterPuts{keys: map[string]bool{}}
}

// A goroutine that stores: reported.
type selfPutter interface{ putSelf(k string) }

var self selfPutter

type selfPuts struct{ keys map[string]bool }

func (o *selfPuts) putSelf(k string) {
	o.keys[k] = true // want `concurrent write to map o.keys \(held: none\); also accessed by other goroutines started in a loop in selfRun`
}

func selfRun() {
	self = newLocked()
	for range 4 {
		go func() {
			self.putSelf("a")
			self = &selfPuts{keys: map[string]bool{}}
		}()
	}
}

// A store between the install and the spawn, through a call: reported.
type betweenPutter interface{ putBetween(k string) }

var between betweenPutter

type betweenPuts struct{ keys map[string]bool }

func (o *betweenPuts) putBetween(k string) {
	o.keys[k] = true // want `concurrent write to map o.keys \(held: none\); also accessed by other goroutines started in a loop in betweenRun`
}

func resetBetween() { between = &betweenPuts{keys: map[string]bool{}} }

func betweenRun() {
	between = newLocked()
	resetBetween()
	for range 4 {
		go func() { between.putBetween("a") }()
	}
}
