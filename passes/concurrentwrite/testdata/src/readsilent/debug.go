package readsilent

import (
	"fmt"
	"sync"
)

// debugPut is database/sql's debugGetPut: code under a false constant
// condition never runs.
const debugPut = false

type DB struct {
	mu      sync.Mutex
	lastPut map[int]string
	free    []int
}

func (db *DB) Put(c int) {
	db.mu.Lock()
	if c < 0 {
		db.mu.Unlock()
		if debugPut {
			fmt.Printf("putConn(%v) DUPLICATE was: %s\n", c, db.lastPut[c])
		}
		panic("returned twice")
	}
	if debugPut {
		db.lastPut[c] = "stack"
	}
	db.free = append(db.free, c)
	db.mu.Unlock()
}

// debugOn is true: its twin is reported.
const debugOn = true

type Log struct {
	mu   sync.Mutex
	seen map[int]string
}

func (l *Log) Put(c int) {
	l.mu.Lock()
	if c < 0 {
		l.mu.Unlock()
		if debugOn {
			fmt.Println(l.seen[c]) // want `concurrent read of map l.seen without l.mu`
		}
		return
	}
	if debugOn {
		l.seen[c] = "stack"
	}
	l.mu.Unlock()
}
