package readsilent

import "sync"

// A constructor whose new object lives in a variable that a deferred
// closure assigns (go/ssa keeps it in a cell, so every use is a load):
// the helpers it calls on the object still run before anyone else has it
// (badger's Open: `defer func() { if err != nil { db.cleanup(); db = nil }
// }()`, then db.vlog.open(db) fills vlog.filesMap without vlog.filesLock,
// which RunValueLogGC's rewrite takes).

type LogDB struct {
	vlog valueLog
}

type valueLog struct {
	filesLock sync.RWMutex
	filesMap  map[uint32]string
}

func Open(ids []uint32) (_ *LogDB, err error) {
	db := &LogDB{vlog: valueLog{filesMap: make(map[uint32]string)}}
	defer func() {
		if err != nil {
			db = nil
		}
	}()
	if err = db.vlog.open(ids); err != nil {
		return nil, err
	}
	return db, nil
}

func (vlog *valueLog) open(ids []uint32) error {
	for _, id := range ids {
		vlog.filesMap[id] = "vlog"
	}
	if len(vlog.filesMap) == 0 {
		return nil
	}
	delete(vlog.filesMap, 0)
	return nil
}

func (db *LogDB) RunValueLogGC(id uint32) {
	db.vlog.filesLock.Lock()
	defer db.vlog.filesLock.Unlock()
	delete(db.vlog.filesMap, id)
}

func (db *LogDB) Add(id uint32) {
	db.vlog.filesLock.Lock()
	defer db.vlog.filesLock.Unlock()
	db.vlog.filesMap[id] = "vlog"
}

func (db *LogDB) Rename(from, to uint32) {
	db.vlog.filesLock.Lock()
	defer db.vlog.filesLock.Unlock()
	db.vlog.filesMap[to] = db.vlog.filesMap[from]
	delete(db.vlog.filesMap, from)
}

func (db *LogDB) Clear() {
	db.vlog.filesLock.Lock()
	defer db.vlog.filesLock.Unlock()
	clear(db.vlog.filesMap)
}

func (db *LogDB) Get(id uint32) string {
	db.vlog.filesLock.RLock()
	defer db.vlog.filesLock.RUnlock()
	return db.vlog.filesMap[id]
}

// The twin: the closure may put a shared object in the variable, so what
// the constructor fills may be in use already.

var lastLogDB *LogDB

func Reopen(ids []uint32) (_ *LogDB, err error) {
	db := &LogDB{vlog: valueLog{filesMap: make(map[uint32]string)}}
	defer func() {
		if err != nil {
			db = lastLogDB
		}
	}()
	err = db.vlog.reopen(ids)
	return db, err
}

func (vlog *valueLog) reopen(ids []uint32) error {
	for _, id := range ids {
		vlog.filesMap[id] = "vlog" // want `concurrent write to map vlog.filesMap without vlog.filesLock`
	}
	return nil
}
