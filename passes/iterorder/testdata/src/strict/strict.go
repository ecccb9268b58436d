// Package strict exercises the sinks reported only with -iterorder.strict:
// logging, slices stored in fields and globals, floating-point sums and
// keeping an arbitrary element.
package strict

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand"
	"net/http"
)

func Logs(m map[string]int, l *slog.Logger) {
	for k := range m { // want `keys logged by log.Printf`
		log.Printf("entry %s", k)
	}
	for k := range m { // want `keys logged by l.Info`
		l.Info("entry", "key", k)
	}
}

func PickOne(m map[string]int) string {
	var first string
	for k := range m { // want `keys assigned to first, which keeps an arbitrary one`
		first = k
		break
	}
	return first
}

// ReturnAny returns whichever key comes first (sinks.Any is silent by
// default).
func ReturnAny(m map[string]int) string {
	for k := range m { // want `keys returned from the first iteration`
		return k
	}
	return ""
}

func FloatSum(m map[string]float64) float64 {
	var total float64
	for _, v := range m { // want `values accumulated in floating point into total`
		total += v
	}
	return total
}

func ComplexSum(m map[int]complex128) (z complex128) {
	for _, v := range m { // want `values accumulated in floating point into z`
		z = z + v
	}
	return z
}

type Registry struct {
	names []string
	m     map[string]int
}

func (r *Registry) Load() {
	for k := range r.m { // want `keys appended to r.names, which is stored unsorted`
		r.names = append(r.names, k)
	}
}

var global []string

func StoreGlobal(m map[string]int) {
	var out []string
	for k := range m { // want `keys appended to out, which is stored in global unsorted`
		out = append(out, k)
	}
	global = out
}

type config struct{ hosts []string }

// A slice of a local struct that is then stored in a global.
var current *config

func Install(m map[string]bool) {
	c := &config{}
	for h := range m { // want `keys appended to c.hosts, which is stored in current unsorted`
		c.hosts = append(c.hosts, h)
	}
	current = c
}

// Header fields in map order: silent by default, reported under -strict.
func WriteHeader(w io.Writer, h http.Header) {
	for k, vv := range h { // want `keys written to w`
		fmt.Fprintf(w, "%s: %s\r\n", k, vv)
	}
}

// A function that also calls math/rand: silent by default.
func Jitter(w io.Writer, m map[string]int) {
	for k := range m { // want `keys written to w`
		fmt.Fprintln(w, k, rand.Intn(10))
	}
}

type zoneSet struct{ names []string }

// UnexportedField keeps the keys in an unexported field of the returned
// struct: a store into a field, reported under -strict only
// (sinks.NewZoneSet is the default twin).
func UnexportedField(keys map[string]bool) *zoneSet {
	var names []string
	for k := range keys { // want `keys appended to names, which is returned unsorted`
		names = append(names, k)
	}
	return &zoneSet{names: names}
}

// An exported list in map order that no caller in the package shows is
// reported only with -strict (by default it carries an OrderedResultFact
// to its callers in other packages).
func ExportedKeys(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}
