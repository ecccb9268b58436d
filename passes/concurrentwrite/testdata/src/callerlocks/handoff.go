package callerlocks

import "sync"

// A lock handed to a goroutine: the spawner takes it and the goroutine it
// starts releases it, so the goroutine's accesses run under it until the
// unlock (sarama's Broker.Open: b.lock.Lock(); go withRecover(func() {
// defer b.lock.Unlock(); … b.brokerAPIVersions[k] = … })).

type Broker struct {
	lock     sync.Mutex
	versions map[int]int
}

func withRecover(fn func()) {
	defer func() { _ = recover() }()
	fn()
}

func (b *Broker) Open(keys []int) {
	b.lock.Lock()
	go withRecover(func() {
		defer b.lock.Unlock()
		b.versions = make(map[int]int, len(keys))
		for _, k := range keys {
			b.versions[k] = k
		}
	})
}

func (b *Broker) OpenDirect(keys []int) {
	b.lock.Lock()
	go func() {
		for _, k := range keys {
			b.versions[k] = k
		}
		b.lock.Unlock()
	}()
}

// One goroutine per key, each handed the lock in turn: the spawner takes
// it again before starting the next.
func (b *Broker) OpenEach(keys []int) {
	for _, k := range keys {
		b.lock.Lock()
		go func() {
			defer b.lock.Unlock()
			b.versions[k] = k
		}()
	}
}

func (b *Broker) Version(k int) int {
	b.lock.Lock()
	defer b.lock.Unlock()
	return b.versions[k]
}

// The twins: the spawner releases the lock itself right after the go
// statement, or the goroutine writes after it has released the lock.

type Broker2 struct {
	lock     sync.Mutex
	versions map[int]int
}

func (b *Broker2) Open(keys []int) {
	b.lock.Lock()
	go withRecover(func() {
		for _, k := range keys {
			b.versions[k] = k // want `concurrent write to map b.versions`
		}
	})
	b.lock.Unlock()
}

func (b *Broker2) OpenLate(keys []int) {
	b.lock.Lock()
	go func() {
		b.lock.Unlock()
		for _, k := range keys {
			b.versions[k] = k // want `concurrent write to map b.versions`
		}
	}()
}

// The lock is taken once and handed to the first goroutine only.
func (b *Broker2) OpenEach(keys []int) {
	b.lock.Lock()
	for _, k := range keys {
		go func() {
			defer b.lock.Unlock()
			b.versions[k] = k // want `concurrent write to map b.versions`
		}()
	}
}

func (b *Broker2) Version(k int) int {
	b.lock.Lock()
	defer b.lock.Unlock()
	b.versions[k]++
	return b.versions[k]
}
