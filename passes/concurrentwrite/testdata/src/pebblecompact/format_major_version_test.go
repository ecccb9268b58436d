package pebblecompact

import "testing"

// pebble's format_major_version_test.go:27 checks the table's keys: a
// comma-ok lookup whose function is not used leaves the table's calls the
// only ones.
func TestFormatMajorVersionMigrations(t *testing.T) {
	for v := FormatMostCompatible; v <= FormatSplitUserKeysMarkedCompacted; v++ {
		if _, ok := formatMajorVersionMigrations[v]; !ok {
			t.Fatalf("no migration to %d", v)
		}
	}
}
