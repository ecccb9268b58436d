package deliberate

import "testing"

// lxzan/gws v1.8.9, writer_test.go:416 (TestRecovery): the handler writes
// to a map declared without make, so that it panics and the test can check
// that the Recovery option recovers. In a test file, a write to a map that
// is nil on every path panics whenever the test runs it: the test either
// fails at once, which no one ships, or means the panic. Not reported.
func TestRecovery(t *testing.T) {
	err := Handler(func() {
		var m map[string]uint8
		m[""] = 1
	})
	if err == nil {
		t.Fatal("no panic")
	}
}

// The twin: a map nil only on some paths of a test is a test's bug that a
// run may not show.
func TestSometimes(t *testing.T) {
	var m map[string]int
	if testing.Short() {
		m = make(map[string]int)
	}
	m["a"] = 1 // want `write to map m, which is nil here: declared without make`
}
