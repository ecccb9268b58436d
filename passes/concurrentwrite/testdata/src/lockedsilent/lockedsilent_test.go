// This file exercises tests calling a *Locked helper without the lock: tests
// run alone, so they do not make the helper's writes unguarded.
package lockedsilent

import "testing"

func TestBumpLocked(t *testing.T) {
	s := &Store{m: map[string]int{}}
	s.bumpLocked("x")
	other := existing
	other.bumpLocked("y")
}

var existing = &Store{m: map[string]int{}}
