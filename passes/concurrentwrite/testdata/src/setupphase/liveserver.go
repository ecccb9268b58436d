package setupphase

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

// MockServer is open-policy-agent/opa's sdk/test.Server (v1.22.4): the
// options run in the constructor before it starts the HTTP server, and the
// handler reads the bundles. WithBundle, a builder method, writes the map
// on a server that is already serving: nothing in the package orders it
// before the requests (its callers do, in other packages, by calling it
// before they point a client at the server), so the write and the
// handler's reads are reported.
type MockServer struct {
	server  *httptest.Server
	bundles map[string]string
}

// MockBundle returns an option: it runs in NewMockServer, before the
// server starts, silent.
func MockBundle(path, body string) func(*MockServer) {
	return func(s *MockServer) {
		s.bundles[path] = body
	}
}

func NewMockServer(opts ...func(*MockServer)) *MockServer {
	s := &MockServer{bundles: map[string]string{}}
	for _, opt := range opts {
		opt(s)
	}
	s.server = httptest.NewServer(http.HandlerFunc(s.handle))
	return s
}

func (s *MockServer) WithBundle(path, body string) *MockServer { // want WithBundle:`writes\(\$0\.#1\)`
	s.bundles[path] = body // want `concurrent write to map s.bundles \(held: none\); also accessed by concurrent requests to the handler registered in NewMockServer`
	return s
}

func (s *MockServer) handle(w http.ResponseWriter, r *http.Request) {
	b, ok := s.bundles[r.URL.Path] // want `concurrent read of map s.bundles \(held: none\); also written by \(\*MockServer\).WithBundle`
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	_, _ = w.Write([]byte(b))
}

// TxStore is opa's storage/disk.Store (v1.22.4): a write transaction holds
// wmu from NewTransaction to Commit or Abort, and Register, which refuses
// a read transaction, writes the triggers that Commit ranges over. The
// lock is held through the transaction's write field, which the pass does
// not relate to wmu: the write is reported (a known false positive).
type TxStore struct {
	rmu      sync.RWMutex
	wmu      sync.Mutex
	triggers map[*Trigger]struct{}
}

type Trigger struct{ cb func() }

type Txn struct {
	db    *TxStore
	write bool
}

func (db *TxStore) NewTransaction(write bool) *Txn {
	if write {
		db.wmu.Lock()
	} else {
		db.rmu.RLock()
	}
	return &Txn{db: db, write: write}
}

func (db *TxStore) Commit(txn *Txn) { // want Commit:`releases\(\$0.rmu\(r\),\$0.wmu\)`
	if txn.write {
		db.rmu.Lock()
		for h := range db.triggers {
			h.cb()
		}
		db.rmu.Unlock()
		db.wmu.Unlock()
	} else {
		db.rmu.RUnlock()
	}
}

func (db *TxStore) Register(txn *Txn, cb func()) (*Trigger, bool) {
	if txn.db != db || !txn.write {
		return nil, false
	}
	h := &Trigger{cb: cb}
	db.triggers[h] = struct{}{} // want `concurrent write to map db.triggers without db.rmu \(held: none\)`
	return h, true
}

// RegisterLocked takes rmu itself, as Commit does: silent.
func (db *TxStore) RegisterLocked(cb func()) *Trigger {
	h := &Trigger{cb: cb}
	db.rmu.Lock()
	db.triggers[h] = struct{}{}
	db.rmu.Unlock()
	return h
}
