package silent

// A function literal made where a test found the map non-nil writes into
// it knowing so: the shape of badger v4.9.6's (*DB).captureDiscardStats
// (test_extensions.go:70), whose test-only map field nothing in the
// package assigns (its tests do), written from an Iterate callback made
// inside if db.onCloseDiscardCapture != nil. The twin makes the callback
// without the test.
type discardStats struct{ ids map[uint64]uint64 }

func (d *discardStats) iterate(f func(id, val uint64)) {
	for id, v := range d.ids {
		f(id, v)
	}
}

type testOnly struct {
	onCloseCapture map[uint64]uint64
}

type db struct {
	testOnly
	stats discardStats
}

func (db *db) captureDiscardStats() {
	if db.onCloseCapture != nil {
		db.stats.iterate(func(id, val uint64) {
			db.onCloseCapture[id] = val
		})
	}
}

func (db *db) captureUnchecked() {
	db.stats.iterate(func(id, val uint64) {
		db.onCloseCapture[id] = val // want `write to map db.onCloseCapture, which is nil here: field onCloseCapture of testOnly is never assigned`
	})
}
