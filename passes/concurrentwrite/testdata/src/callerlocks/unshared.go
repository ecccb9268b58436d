package callerlocks

import "sync"

// A helper called under the lock by a method and without it by the
// constructor, on the object it is building: every call that could race
// holds the lock (etcd's v3alarm AlarmStore.addToMap, called by Activate
// under a.mu and by restore from NewAlarmStore; lease's initAndRecover,
// called by newLessor before `go l.runLoop()` and by Recover under le.mu).

type AlarmStore struct {
	mu    sync.Mutex
	types map[int]map[int]bool
}

func NewAlarmStore(ids []int) *AlarmStore {
	a := &AlarmStore{types: make(map[int]map[int]bool)}
	a.restore(ids)
	return a
}

func (a *AlarmStore) restore(ids []int) {
	for _, id := range ids {
		a.addToMap(id)
	}
}

func (a *AlarmStore) Activate(id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.addToMap(id)
}

func (a *AlarmStore) Deactivate(id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.types, id)
}

func (a *AlarmStore) addToMap(id int) {
	t := a.types[id]
	if t == nil {
		t = make(map[int]bool)
		a.types[id] = t
	}
	t[id] = true
}

// The twin: the constructor has started a goroutine that may already use
// the object when it calls the helper, and an exported method also calls
// it without the lock.

type Lessor struct {
	mu     sync.Mutex
	leases map[int]bool
}

func NewLessor(ids []int) *Lessor {
	l := &Lessor{leases: make(map[int]bool)}
	go l.runLoop()
	l.recover(ids)
	return l
}

func (l *Lessor) runLoop() {
	l.mu.Lock()
	delete(l.leases, 0)
	l.mu.Unlock()
}

func (l *Lessor) Recover(ids []int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recover(ids)
}

func (l *Lessor) recover(ids []int) {
	for _, id := range ids {
		l.leases[id] = true // want `concurrent write to map l.leases without l.mu \(held: none\)`
	}
}

// A closure called once under the read lock and once under the write lock
// runs under (at least) the read lock (badger's KeyRegistry.LatestDataKey:
// validKey reads kr.dataKeys, called between RLock/RUnlock and again after
// Lock).

type KeyRegistry struct {
	sync.RWMutex
	dataKeys map[uint64]string
	next     uint64
}

func (kr *KeyRegistry) LatestDataKey() string {
	valid := func() (string, bool) {
		if kr.next%2 == 0 {
			return kr.dataKeys[kr.next], true
		}
		return "", false
	}
	kr.RLock()
	k, ok := valid()
	kr.RUnlock()
	if ok {
		return k
	}
	kr.Lock()
	defer kr.Unlock()
	if k, ok = valid(); ok {
		return k
	}
	kr.next++
	kr.dataKeys[kr.next] = "k"
	return ""
}

// The twin: the second call forgets the lock.
func (kr *KeyRegistry) Peek() string {
	valid := func() string {
		return kr.dataKeys[kr.next] // want `concurrent read of map kr.dataKeys without kr.RWMutex \(held: none\)`
	}
	kr.RLock()
	k := valid()
	kr.RUnlock()
	if k != "" {
		return k
	}
	return valid()
}
