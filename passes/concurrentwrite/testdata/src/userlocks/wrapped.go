// This file exercises locks and wait groups held through interfaces that
// stand for sync's types (syncwrap, the shape of syncthing's lib/sync):
// their Lock, RLock and Wait are sync's. Each silent case has a positive
// twin that forgets the lock or the wait.
package userlocks

import "syncwrap"

// A field of an interface type standing for sync.RWMutex
// (syncthing's connectionStatusHandler).
type Statuses struct {
	mut    syncwrap.RWMutex
	status map[string]error
}

func (s *Statuses) Set(addr string, err error) {
	s.mut.Lock()
	s.status[addr] = err
	s.mut.Unlock()
}

func (s *Statuses) Get(addr string) error {
	s.mut.RLock()
	defer s.mut.RUnlock()
	return s.status[addr]
}

// DialAll writes through Set from goroutines started in a loop.
func (s *Statuses) DialAll(addrs []string) {
	for _, a := range addrs {
		go s.Set(a, nil)
	}
}

type Statuses2 struct {
	mut    syncwrap.RWMutex
	status map[string]error
}

func (s *Statuses2) Set(addr string, err error) {
	s.mut.Lock()
	s.status[addr] = err
	s.mut.Unlock()
}

func (s *Statuses2) Clear(addr string) {
	delete(s.status, addr) // want `concurrent write to map s.status without s.mut \(held: none\)`
}

// A local map written by goroutines under a syncwrap.Mutex and read after
// a syncwrap.WaitGroup's Wait (syncthing's model.ScanFolders).
func ScanAll(folders []string, scan func(string) error) map[string]error {
	errs := make(map[string]error)
	mu := syncwrap.NewMutex()
	wg := syncwrap.NewWaitGroup()
	wg.Add(len(folders))
	for _, f := range folders {
		go func() {
			if err := scan(f); err != nil {
				mu.Lock()
				errs[f] = err
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	return errs
}

func ScanAllUnlocked(folders []string, scan func(string) error) map[string]error {
	errs := make(map[string]error)
	wg := syncwrap.NewWaitGroup()
	wg.Add(len(folders))
	for _, f := range folders {
		go func() {
			if err := scan(f); err != nil {
				errs[f] = err // want `concurrent write to map errs`
			}
			wg.Done()
		}()
	}
	wg.Wait()
	return errs
}

// A one-method interface says nothing of what it waits for: the read is
// not ordered after the goroutine's write.
func WaitOne(w syncwrap.Waiter, keys []string) int {
	seen := make(map[string]bool)
	go func() {
		for _, k := range keys {
			seen[k] = true // want `concurrent write to map seen`
		}
	}()
	w.Wait()
	return len(seen) // want `concurrent read of map seen \(held: none\); also written by the goroutine started in WaitOne`
}

// The same through a WaitGroup interface: its Wait is sync.WaitGroup's.
func WaitAll(wg syncwrap.WaitGroup, keys []string) int {
	seen := make(map[string]bool)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			seen[k] = true
		}
	}()
	wg.Wait()
	return len(seen)
}
