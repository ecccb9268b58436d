// Package sinks exercises every sink through which map order reaches a
// result: writers, printing, logging, encoders, hashes, channels, early
// returns, last-one-wins assignments, string concatenation and
// floating-point sums.
package sinks

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/gob"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

func Print(m map[string]int) {
	for k, v := range m { // want `result depends on map iteration order: keys printed by fmt.Println`
		fmt.Println(k, v)
	}
}

func Write(w io.Writer, m map[string]int) {
	for k := range m { // want `keys written to w`
		io.WriteString(w, k+"\n")
	}
}

func Fprintf(w io.Writer, m map[string]int) {
	for k, v := range m { // want `keys written to w`
		fmt.Fprintf(w, "%s=%d\n", k, v)
	}
}

func Encode(enc *json.Encoder, m map[string]int) error {
	for _, v := range m { // want `values encoded by enc.Encode`
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}

func CSV(w *csv.Writer, m map[string]string) {
	for k, v := range m { // want `keys encoded by w.Write`
		w.Write([]string{k, v})
	}
}

func Hash(m map[string]string) []byte {
	h := sha256.New()
	for k, v := range m { // want `keys written to hash h`
		h.Write([]byte(k + "=" + v))
	}
	return h.Sum(nil)
}

func Send(ch chan<- string, m map[string]bool) {
	for k := range m { // a send: a -strict sink (strict/sends.go), silent by default
		ch <- k
	}
}

// Any returns any key: like x = k; break, reported only under -strict
// (strict.ReturnAny).
func Any(m map[string]int) string {
	for k := range m {
		return k
	}
	return ""
}

func FirstMatch(m map[string]int) string {
	for k, v := range m { // a return on a match: a -strict sink (strict/sends.go)
		if v > 10 {
			return k
		}
	}
	return ""
}

func Concat(m map[string]int) string {
	s := ""
	for k := range m { // want `keys concatenated onto s`
		s += k + ","
	}
	return s
}

func Appended(m map[string]int) []string { // want Appended:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Indexed(m map[string]int) []string { // want Indexed:`orderedresult\(0\)`
	keys := make([]string, len(m))
	i := 0
	for k := range m {
		keys[i] = k
		i++
	}
	return keys
}

func Joined(m map[string]int) string {
	var parts []string
	for k, v := range m { // want `keys appended to parts, which is returned unsorted`
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func PrintedAfter(m map[string]int) {
	var out []string
	for k := range m { // want `keys appended to out, which is printed by fmt.Println unsorted`
		out = append(out, k)
	}
	fmt.Println(out)
}

func RangedIntoOutput(w io.Writer, m map[string]int) {
	var out []string
	for k := range m { // want `keys appended to out, which is written to w unsorted`
		out = append(out, k)
	}
	for _, k := range out {
		fmt.Fprintln(w, k)
	}
}

func Builder(m map[string]int) string {
	var b strings.Builder
	for k := range m { // want `keys written to b, which is returned unsorted`
		b.WriteString(k)
	}
	return b.String()
}

func Buffer(w io.Writer, m map[string]int) {
	var buf bytes.Buffer
	for k, v := range m { // want `keys written to buf, which is written to w unsorted`
		fmt.Fprintf(&buf, "%s=%d\n", k, v)
	}
	w.Write(buf.Bytes())
}

func Marshalled(m map[string]int) ([]byte, error) {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return json.Marshal(out)
}

func SentAfter(ch chan []string, m map[string]int) {
	var out []string
	for k := range m { // a slice sent: a -strict sink (strict/sends.go)
		out = append(out, k)
	}
	ch <- out
}

func PerIteration(m map[string]int) {
	for k, v := range m { // want `keys printed by fmt.Println`
		line := k + "=" + fmt.Sprint(v)
		fmt.Println(line)
	}
}

const debug = false

var verbose bool

// Debugging prints only under a constant condition: dead code.
func Debugging(m map[string]int) {
	for k := range m {
		if debug {
			fmt.Println(k)
		}
	}
	if debug {
		for k := range m {
			fmt.Println(k)
		}
	}
}

// Verbose prints under a switch that a user turns on: the output it then
// shows is in map order. The name of the switch says nothing about that.
func Verbose(m map[string]int) {
	for k := range m { // want `keys printed by fmt.Printf`
		if verbose {
			fmt.Printf("entry %s\n", k)
		}
	}
}

type Response struct{ Items []string }

// Build returns a struct whose one field is the list in map order: no
// caller here shows it, so OrderedResultFact carries it on, naming the
// field.
func Build(m map[string]int) *Response { // want Build:`orderedresult\(0.field0\)`
	resp := &Response{}
	for k := range m {
		resp.Items = append(resp.Items, k)
	}
	return resp
}

// Ignored is silenced by a directive with a reason.
func Ignored(m map[string]int) {
	//maplint:ignore iterorder the lines are sorted by the reader
	for k := range m {
		fmt.Println(k)
	}
}

func Gob(enc *gob.Encoder, m map[string]int) error {
	for k := range m { // want `keys encoded by enc.Encode`
		if err := enc.Encode(k); err != nil {
			return err
		}
	}
	return nil
}

type item struct{ Name string }

func XML(enc *xml.Encoder, m map[string]int) {
	for k := range m { // want `keys encoded by enc.Encode`
		_ = enc.Encode(item{k})
	}
}

// NamesUnsorted returns the keys. The doc names the function, whose name
// says nothing about the order its callers get: reported.
func NamesUnsorted(m map[string]int) []string { // want NamesUnsorted:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
