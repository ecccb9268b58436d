// Package deliberate holds writes to a map that is nil on every path.
package deliberate

// Handler runs h and recovers a panic into an error, as a websocket
// library's Recovery option does.
func Handler(h func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errPanic
		}
	}()
	h()
	return nil
}

type panicErr struct{}

func (panicErr) Error() string { return "panic" }

var errPanic error = panicErr{}

// Outside a test file, a write that panics on every run of its path is
// still a bug: the path may be rare.
func Rare(debug bool) {
	if debug {
		var m map[string]uint8
		m[""] = 1 // want `write to map m, which is nil here: declared without make`
	}
}
