// Package flagupgrade is btcd v0.26.2's handleGetCFCheckpt (server.go,
// unseen round 7) in its original shape: the read lock is upgraded to the
// write lock on one path, which sets updateCache, and the writes run under
// if updateCache. The twins are reported: the flag also set on the path
// that keeps the read lock, the lock downgraded after the flag is set, and
// a flag made of a value the pass cannot follow.
package flagupgrade

import "sync"

type cfHeaderKV struct{ blockHash, filterHeader string }

type server struct {
	cfCheckptCachesMtx sync.RWMutex
	cfCheckptCaches    map[int][]cfHeaderKV
}

type serverPeer struct{ server *server }

func (sp *serverPeer) OnGetCFCheckpt(filterType int, blockHashes []string) []cfHeaderKV {
	sp.server.cfCheckptCachesMtx.RLock()
	checkptCache := sp.server.cfCheckptCaches[filterType]

	var updateCache bool
	if len(blockHashes) > len(checkptCache) {
		sp.server.cfCheckptCachesMtx.RUnlock()

		sp.server.cfCheckptCachesMtx.Lock()
		defer sp.server.cfCheckptCachesMtx.Unlock()

		checkptCache = sp.server.cfCheckptCaches[filterType]

		if len(blockHashes) > len(checkptCache) {
			updateCache = true

			additionalLength := len(blockHashes) - len(checkptCache)
			newEntries := make([]cfHeaderKV, additionalLength)
			checkptCache = append(sp.server.cfCheckptCaches[filterType], newEntries...)
		}
	} else {
		defer sp.server.cfCheckptCachesMtx.RUnlock()
	}

	for i := range blockHashes {
		if updateCache {
			checkptCache[i] = cfHeaderKV{blockHash: blockHashes[i]}
		}
	}

	if updateCache {
		sp.server.cfCheckptCaches[filterType] = checkptCache
	}
	return checkptCache
}

// Both sets the flag on the read path too.
func (sp *serverPeer) Both(filterType int, grow bool) {
	sp.server.cfCheckptCachesMtx.RLock()
	var update bool
	if grow {
		sp.server.cfCheckptCachesMtx.RUnlock()
		sp.server.cfCheckptCachesMtx.Lock()
		defer sp.server.cfCheckptCachesMtx.Unlock()
		update = true
	} else {
		defer sp.server.cfCheckptCachesMtx.RUnlock()
		update = len(sp.server.cfCheckptCaches) == 0
	}
	if update {
		sp.server.cfCheckptCaches[filterType] = nil // want `write to map sp.server.cfCheckptCaches holding only read lock`
	}
}

// Downgrade takes the read lock back after setting the flag.
func (sp *serverPeer) Downgrade(filterType int, grow bool) {
	sp.server.cfCheckptCachesMtx.RLock()
	var update bool
	if grow {
		sp.server.cfCheckptCachesMtx.RUnlock()
		sp.server.cfCheckptCachesMtx.Lock()
		update = true
		sp.server.cfCheckptCachesMtx.Unlock()
		sp.server.cfCheckptCachesMtx.RLock()
	}
	defer sp.server.cfCheckptCachesMtx.RUnlock()
	if update {
		sp.server.cfCheckptCaches[filterType] = nil // want `write to map sp.server.cfCheckptCaches holding only read lock`
	}
}

// ReadOnly sets the flag only on the read path.
func (sp *serverPeer) ReadOnly(filterType int, grow bool) {
	sp.server.cfCheckptCachesMtx.RLock()
	var stale bool
	if grow {
		sp.server.cfCheckptCachesMtx.RUnlock()
		sp.server.cfCheckptCachesMtx.Lock()
		defer sp.server.cfCheckptCachesMtx.Unlock()
	} else {
		defer sp.server.cfCheckptCachesMtx.RUnlock()
		stale = true
	}
	if stale {
		sp.server.cfCheckptCaches[filterType] = nil // want `write to map sp.server.cfCheckptCaches holding only read lock`
	}
}
