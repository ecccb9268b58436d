// Package paths exercises orderflow.Paths: each call of mark is reported
// with what Paths says of it (dead: it runs only through an edge that a
// constant condition never takes; failing: every path from it ends the
// function in a failure). A call reported with neither is not reported.
package paths

import (
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
)

func mark(...any) {}

const debug = false

const verbose = true

var errBad = errors.New("bad")

type configErr struct{ key string }

func (e *configErr) Error() string { return e.key }

func Dead(m map[string]int, x bool) {
	for k := range m {
		if debug {
			mark(k) // want `dead`
		}
		if !debug {
			mark(k) // live: !false is always taken
		}
		if verbose {
			mark(k) // live: the edge a true constant takes is the code every build runs
		}
		if debug && x {
			mark(k) // want `dead`
		}
		switch {
		case false:
			mark(k) // want `dead`
		}
		if x {
			mark(k)
		}
	}
	if debug {
		for k := range m {
			mark(k) // want `dead`
		}
	}
}

func FailingReturn(m map[string]int) error {
	for k, v := range m {
		if v < 0 {
			mark(k) // want `failing`
			return errBad
		}
		if v == 0 {
			mark(k) // want `failing`
			return fmt.Errorf("zero %s", k)
		}
		if v == 1 {
			mark(k) // want `failing`
			return &configErr{k}
		}
		switch v {
		case 2:
			mark(k) // want `failing`
			return fmt.Errorf("two %s", k)
		}
		mark(k) // the loop goes on
	}
	return nil
}

func FailingCall(m map[string]int) {
	for k, v := range m {
		if v < 0 {
			mark(k) // want `failing`
			os.Exit(1)
		}
		if v == 0 {
			mark(k) // want `failing`
			log.Fatalf("zero %s", k)
		}
		if v == 1 {
			mark(k) // want `failing`
			panic(k)
		}
	}
}

func Checked(w io.Writer, m map[string]int) error {
	for k := range m {
		_, err := fmt.Fprintln(w, k)
		if err != nil {
			mark(k) // want `failing`
			return err
		}
	}
	return nil
}

// Unchecked: the error of a write, returned as it is, is nil when the
// write succeeds: the normal way out, not a failure.
func Unchecked(w io.Writer, k string) error {
	mark(k)
	_, err := w.Write([]byte(k))
	return err
}

// Forwarded: the results of a call passed on are the callee's outcome.
func Forwarded(w io.Writer, k string) (int, error) {
	mark(k)
	return w.Write([]byte(k))
}

// SomeContinue: an entry that continues comes back to the loop.
func SomeContinue(m map[string]int) error {
	for k, v := range m {
		mark(k)
		if v > 0 {
			continue
		}
		return errBad
	}
	return nil
}

// LoopThenFail: a loop after the call does not take the path back to a
// loop around it.
func LoopThenFail(m map[string][]int) error {
	for k, vs := range m {
		if len(vs) == 0 {
			mark(k) // want `failing`
			for _, v := range vs {
				_ = v
			}
			return errBad
		}
	}
	return nil
}

// Yield: the body of a range over maps.Keys is a function of its own,
// which returns true to go on and stores the error it returns.
func Yield(m map[string]int) error {
	for k := range maps.Keys(m) {
		if m[k] < 0 {
			mark(k) // want `failing`
			return errBad
		}
		mark(k)
	}
	return nil
}

// Deferred: a named result kept in memory for a deferred call is read
// back from what the return statement stored.
func Deferred(m map[string]int) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrap: %w", err)
		}
	}()
	for k, v := range m {
		if v < 0 {
			mark(k) // want `failing`
			return errBad
		}
		if v == 0 {
			mark(k) // returns nil
			return nil
		}
	}
	return nil
}

// Maybe: an error that is nil on one of the paths merging into the
// return is no failure.
func Maybe(m map[string]int, x bool) error {
	for k := range m {
		var err error
		if x {
			err = errBad
		}
		mark(k)
		return err
	}
	return nil
}

// Spawned: a deferred or spawned call is found at its parenthesis.
func Spawned(m map[string]int) {
	for k := range m {
		if debug {
			defer mark(k) // want `dead`
			go mark(k)    // want `dead`
		}
	}
}
