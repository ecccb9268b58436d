// Package crosspkg exercises sinks reached through helpers of another
// package, known through their facts.
package crosspkg

import (
	"io"

	"emitter"
)

func Write(w io.Writer, m map[string]string) {
	for k, v := range m { // want `keys passed to Pair, whose argument is passed to Line, whose argument is written to w`
		emitter.Pair(w, k, v)
	}
}

func Queue(ch chan<- string, m map[string]int) {
	for k := range m { // want `keys passed to Queue, whose argument is sent on ch`
		emitter.Queue(ch, k)
	}
}

func Count(m map[string]int) int {
	n := 0
	for k := range m {
		emitter.Count(&n, k)
	}
	return n
}
