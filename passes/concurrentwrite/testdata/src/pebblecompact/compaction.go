// Package pebblecompact is cockroachdb/pebble v1.1.5's compaction
// scheduling (compaction.go, format_major_version.go), reduced: every write
// of d.mu.compact.inProgress holds d.mu, one of them through a migration
// that the package keeps in a table of functions (an unexported map
// variable, formatMajorVersionMigrations) and calls, under d.mu, as
// formatMajorVersionMigrations[nextVers](d). The functions of such a table
// run where the table's calls run them, as a helper runs where its static
// calls do: the migration, compactMarkedFilesLocked,
// maybeScheduleCompactionPicker and addInProgressCompaction run under d.mu.
// Before, the functions stored in the table were values used anywhere,
// analysed with no lock, and compaction.go:1673 was reported "(held:
// none)".
package pebblecompact

import "sync"

type FormatMajorVersion uint64

const (
	FormatMostCompatible FormatMajorVersion = iota
	FormatSplitUserKeysMarked
	FormatSplitUserKeysMarkedCompacted
)

type compaction struct{ marked bool }

type DB struct {
	mu struct {
		sync.Mutex
		compact struct {
			cond            sync.Cond
			compactingCount int
			inProgress      map[*compaction]struct{}
		}
		formatVers struct {
			vers       FormatMajorVersion
			ratcheting bool
		}
		marked int
	}
}

func Open() *DB {
	d := &DB{}
	d.mu.compact.inProgress = make(map[*compaction]struct{})
	d.mu.compact.cond.L = &d.mu.Mutex
	return d
}

// formatMajorVersionMigrations defines the migrations from one format
// major version to the next. Migrations are invoked with d.mu locked.
var formatMajorVersionMigrations = map[FormatMajorVersion]func(*DB) error{
	FormatMostCompatible: func(d *DB) error { return nil },
	FormatSplitUserKeysMarked: func(d *DB) error {
		d.mu.marked++
		return d.finalizeFormatVersUpgrade(FormatSplitUserKeysMarked)
	},
	FormatSplitUserKeysMarkedCompacted: func(d *DB) error {
		// Note all format major versions migrations are invoked with
		// DB.mu locked.
		if err := d.compactMarkedFilesLocked(); err != nil {
			return err
		}
		return d.finalizeFormatVersUpgrade(FormatSplitUserKeysMarkedCompacted)
	},
}

func (d *DB) RatchetFormatMajorVersion(fmv FormatMajorVersion) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.ratchetFormatMajorVersionLocked(fmv)
}

func (d *DB) ratchetFormatMajorVersionLocked(formatVers FormatMajorVersion) error {
	if d.mu.formatVers.ratcheting {
		return nil
	}
	d.mu.formatVers.ratcheting = true
	defer func() { d.mu.formatVers.ratcheting = false }()

	for nextVers := d.mu.formatVers.vers + 1; nextVers <= formatVers; nextVers++ {
		if err := formatMajorVersionMigrations[nextVers](d); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) finalizeFormatVersUpgrade(formatVers FormatMajorVersion) error {
	d.mu.formatVers.vers = formatVers
	return nil
}

// compactMarkedFilesLocked is called with d.mu held; the mutex is dropped
// while waiting for compactions to complete.
func (d *DB) compactMarkedFilesLocked() error {
	for d.mu.marked > 0 {
		d.maybeScheduleCompactionPicker(func(marked bool) *compaction {
			if !marked {
				return nil
			}
			return &compaction{marked: true}
		})
		if d.mu.marked > 0 {
			d.mu.compact.cond.Wait()
		}
	}
	return nil
}

// maybeScheduleCompaction schedules a compaction if necessary.
//
// d.mu must be held when calling this.
func (d *DB) maybeScheduleCompaction() {
	d.maybeScheduleCompactionPicker(pickAuto)
}

func pickAuto(marked bool) *compaction { return &compaction{marked: marked} }

// maybeScheduleCompactionPicker schedules a compaction if necessary,
// calling pickFunc to pick automatic compactions.
//
// d.mu must be held when calling this.
func (d *DB) maybeScheduleCompactionPicker(pickFunc func(bool) *compaction) {
	for d.mu.compact.compactingCount < 2 {
		c := pickFunc(d.mu.marked > 0)
		if c == nil {
			break
		}
		d.mu.compact.compactingCount++
		d.addInProgressCompaction(c)
		go d.compact(c)
	}
}

func (d *DB) addInProgressCompaction(c *compaction) {
	d.mu.compact.inProgress[c] = struct{}{}
}

// flush1 is called with d.mu held.
func (d *DB) flush1() {
	c := &compaction{}
	d.addInProgressCompaction(c)
	d.mu.Unlock()
	// ... the flush itself, without the lock ...
	d.mu.Lock()
	delete(d.mu.compact.inProgress, c)
}

func (d *DB) Flush() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.flush1()
	d.maybeScheduleCompaction()
}

// compact runs one compaction and maybe schedules another call to compact.
func (d *DB) compact(c *compaction) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.mu.compact.compactingCount--
	delete(d.mu.compact.inProgress, c)
	if c.marked {
		d.mu.marked--
	}
	d.maybeScheduleCompaction()
	d.mu.compact.cond.Broadcast()
}
