// Package shownapi declares interfaces and shows what their methods
// return, in caddy's shape: caddyfile.Adapter.Adapt encodes the config its
// ServerType's Setup builds, and the server types live in packages that
// import this one (ShownResultFact).
package shownapi

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// A Config is what a server type sets up.
type Config struct {
	Title    string
	Subjects []string
}

// A ServerType builds a config.
type ServerType interface {
	Setup(opts map[string]string) (*Config, error) // want Setup:`shownresult\(0 whole\)`
}

// An Adapter encodes the config of its server type: the whole result of
// Setup is shown.
type Adapter struct {
	ServerType ServerType
}

func (a Adapter) Adapt(opts map[string]string) ([]byte, error) {
	cfg, err := a.ServerType.Setup(opts)
	if err != nil {
		return nil, err
	}
	return json.Marshal(cfg)
}

// A Describer's config is shown by its title only, and its peers are only
// counted.
type Describer interface {
	Describe() *Config // want Describe:`shownresult\(0 field0\)`
	Peers() []string
}

func Title(d Describer) string {
	return d.Describe().Title
}

func NumPeers(d Describer) int {
	return len(d.Peers())
}

// A Lister's names are only returned from a function literal, whose
// callers are not in sight: assumed shown, not seen shown, so no
// ShownResultFact (prometheus storage's mergeResults callback).
type Lister interface {
	Names() []string
}

func Collect(l Lister) func() []string {
	return func() []string { return l.Names() }
}

// A GatherFunc lists families; Gather sorts what each one returns before
// anyone sees it (client_golang's GathererFunc and Gatherers.Gather): the
// type gets no ShownResultFact.
type GatherFunc func() ([]string, error)

// A Gatherer gathers; GatherAll sorts what they return, so no caller here
// shows Gather's result, and GatherFunc, which forwards to it, is not
// shown either.
type Gatherer interface {
	Gather() ([]string, error)
}

func (f GatherFunc) Gather() ([]string, error) { return f() }

func GatherAll(gs ...Gatherer) ([]string, error) { // want GatherAll:`sortedresult`
	var all []string
	for _, g := range gs {
		got, err := g.Gather()
		if err != nil {
			return nil, err
		}
		all = append(all, got...)
	}
	slices.Sort(all)
	return all, nil
}

func Gather(fs ...GatherFunc) ([]string, error) { // want Gather:`sortedresult`
	var all []string
	for _, f := range fs {
		got, err := f()
		if err != nil {
			return nil, err
		}
		all = append(all, got...)
	}
	slices.Sort(all)
	return all, nil
}

// A LinesFunc lists lines, which Print writes as they come: what a call of
// one returns is shown here.
type LinesFunc func() []string // want LinesFunc:`shownresult\(0\)`

func Print(w io.Writer, f LinesFunc) { // want Print:`sinks\(1: written to w\)`
	for _, l := range f() {
		fmt.Fprintln(w, l)
	}
}

// A Source lists names, and Dump writes what any Source returns; a
// SourceFunc is a Source that forwards to itself, so what a call of one
// returns is shown by Dump (client_golang's GathererFunc and
// WriteToTextfile).
type Source interface {
	List() []string // want List:`shownresult\(0\)`
}

func Dump(w io.Writer, s Source) { // want Dump:`sinks\(1: written to w\)`
	for _, n := range s.List() {
		fmt.Fprintln(w, n)
	}
}

type SourceFunc func() []string // want SourceFunc:`shownresult\(0\)`

func (f SourceFunc) List() []string { return f() }
