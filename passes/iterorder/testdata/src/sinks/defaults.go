// This file holds the sinks that only -iterorder.strict reports (see
// package strict): by default the pass is silent on them.
package sinks

import (
	"log"
	"log/slog"
)

func Logs2(m map[string]int, l *slog.Logger) {
	for k := range m {
		log.Printf("entry %s", k)
	}
	for k := range m {
		l.Info("entry", "key", k)
	}
}

func PickOne2(m map[string]int) string {
	var first string
	for k := range m {
		first = k
		break
	}
	return first
}

func FloatSum2(m map[string]float64) float64 {
	var total float64
	for _, v := range m {
		total += v
	}
	return total
}

func ComplexSum2(m map[int]complex128) (z complex128) {
	for _, v := range m {
		z = z + v
	}
	return z
}

type Registry2 struct {
	names []string
	m     map[string]int
}

func (r *Registry2) Load() {
	for k := range r.m {
		r.names = append(r.names, k)
	}
}

var global2 []string

func StoreGlobal2(m map[string]int) {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	global2 = out
}
