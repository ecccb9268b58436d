package realraces

import "sync"

// sei-protocol/sei-cosmos, pull request 343 ("Fix map access panic"):
// GetAllWritesetKeys returned the map it read under s.mtx, and
// CollectIteratorItems indexed it without the lock while transactions
// wrote it concurrently. The fix read s.txWritesetKeys with the lock
// held for the whole loop.

type Store struct {
	mtx             sync.RWMutex
	txWritesetKeys  map[int][]string
	txReadsetKeysNo int
}

func (s *Store) SetWriteset(index int, keys []string) {
	s.mtx.Lock()
	defer s.mtx.Unlock()
	s.txWritesetKeys[index] = keys
}

func (s *Store) GetAllWritesetKeys() map[int][]string {
	s.mtx.RLock()
	defer s.mtx.RUnlock()
	return s.txWritesetKeys // want `map s.txWritesetKeys escapes its guard s.mtx: returned to callers, who use it without the lock`
}

func (s *Store) CollectIteratorItems(index int) []string {
	var out []string
	keys := s.GetAllWritesetKeys()
	for i := 0; i < index; i++ {
		out = append(out, keys[i]...)
	}
	return out
}
