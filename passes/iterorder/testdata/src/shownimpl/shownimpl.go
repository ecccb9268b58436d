// Package shownimpl implements shownapi's interfaces; what it returns is
// shown by shownapi, which it imports, so its loops are reported here.
package shownimpl

import (
	"fmt"
	"io"
	"slices"

	"shownapi"
)

// Server's config, encoded whole by shownapi.Adapter, lists the hosts of
// its options in map order.
type Server struct{}

func (Server) Setup(opts map[string]string) (*shownapi.Config, error) {
	cfg := &shownapi.Config{Title: "hosts"}
	for h := range opts { // want `keys appended to cfg.Subjects, which is returned unsorted`
		cfg.Subjects = append(cfg.Subjects, h)
	}
	return cfg, nil
}

// Its silent twin sorts them.
type SortedServer struct{}

func (SortedServer) Setup(opts map[string]string) (*shownapi.Config, error) {
	cfg := &shownapi.Config{Title: "hosts"}
	for h := range opts {
		cfg.Subjects = append(cfg.Subjects, h)
	}
	slices.Sort(cfg.Subjects)
	return cfg, nil
}

// Silent too: shownapi shows only the Title of what Describe returns (the
// order travels on as OrderedResultFact), and only counts the peers (a
// list returned by a method of an imported package's interface gets no
// fact: that interface's contract decides).
type Hosts struct {
	hosts map[string]bool
}

func (h Hosts) Describe() *shownapi.Config { // want Describe:`orderedresult\(0.field1\)`
	cfg := &shownapi.Config{Title: "hosts"}
	for k := range h.hosts {
		cfg.Subjects = append(cfg.Subjects, k)
	}
	return cfg
}

func (h Hosts) Peers() []string {
	var out []string
	for k := range h.hosts {
		out = append(out, k)
	}
	return out
}

// Silent: Lister.Names is not seen shown by shownapi.
type Tags struct{}

func (Tags) Names() []string {
	tags := map[string]bool{"a": true, "b": true}
	var out []string
	for t := range tags {
		out = append(out, t)
	}
	return out
}

// Silent: a literal handed to shownapi as a GatherFunc, through a
// variable, as client_golang's ExampleGatherers does; shownapi.Gather
// sorts what it returns.
func Families(m map[string]int) ([]string, error) {
	parse := func() ([]string, error) {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out, nil
	}
	return shownapi.Gather(shownapi.GatherFunc(parse))
}

// Silent too: the literal is the argument, converted implicitly.
func FamiliesInline(m map[string]int) ([]string, error) {
	return shownapi.Gather(func() ([]string, error) {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out, nil
	})
}

// Reported: a LinesFunc's result is printed by shownapi.Print as it
// comes.
func PrintKeys(w io.Writer, m map[string]int) {
	shownapi.Print(w, func() []string {
		var out []string
		for k := range m { // want `keys appended to out, which is returned unsorted`
			out = append(out, k)
		}
		return out
	})
}

// Reported: the literal is also called here, and its result printed.
func KeysTwice(w io.Writer, m map[string]int) ([]string, error) { // want KeysTwice:`sinks\(1: written to w\)`
	parse := func() ([]string, error) {
		var out []string
		for k := range m { // want `keys appended to out, which is returned unsorted`
			out = append(out, k)
		}
		return out, nil
	}
	got, _ := parse()
	fmt.Fprintln(w, got)
	return shownapi.Gather(parse)
}

// Reported, as before: a literal kept in a plain func value, whose
// callers are not in sight.
func Lister(m map[string]int) func() []string {
	return func() []string {
		var out []string
		for k := range m { // want `keys appended to out, which is returned unsorted`
			out = append(out, k)
		}
		return out
	}
}

// Silent: handed to shownapi.GatherAll as a GatherFunc, a Gatherer whose
// results shownapi sorts.
func GatherAllKeys(m map[string]int) ([]string, error) {
	return shownapi.GatherAll(shownapi.GatherFunc(func() ([]string, error) {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out, nil
	}))
}

// Reported: a SourceFunc is a Source, whose names shownapi.Dump writes.
func DumpKeys(w io.Writer, m map[string]int) {
	shownapi.Dump(w, shownapi.SourceFunc(func() []string {
		var out []string
		for k := range m { // want `keys appended to out, which is returned unsorted`
			out = append(out, k)
		}
		return out
	}))
}
