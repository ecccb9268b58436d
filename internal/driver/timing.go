package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// -debug=timing prints, for every package analysed from source, where its
// time went (parsing, type checking, each analyzer, writing export data),
// how many facts it exported, and whether its facts mattered: a package's
// facts matter when a root, or a package whose facts matter, found one of
// them (a lookup that finds nothing gives the same answer whether or not
// the package was analysed). The time spent on dependencies whose facts did
// not matter bounds what skipping their analysis could save.

// timing is what -debug=timing records of one node.
type timing struct {
	mu     sync.Mutex
	phases []phase
	facts  int
	hits   map[*node]bool // nodes one of whose facts this node's analysis found
	looked map[*node]bool // nodes whose facts this node's analysis looked up, found or not
}

type phase struct {
	name string
	d    time.Duration
}

func (t *timing) add(name string, since time.Time) {
	if t == nil {
		return
	}
	d := time.Since(since)
	t.mu.Lock()
	t.phases = append(t.phases, phase{name, d})
	t.mu.Unlock()
}

// lookup records a fact lookup in d's facts.
func (t *timing) lookup(d *node, found bool) {
	if t == nil {
		return
	}
	t.mu.Lock()
	if t.hits == nil {
		t.hits = make(map[*node]bool)
		t.looked = make(map[*node]bool)
	}
	t.looked[d] = true
	if found {
		t.hits[d] = true
	}
	t.mu.Unlock()
}

// reach returns the nodes reached from the roots over the edges that
// edges returns.
func (g *graph) reach(edges func(*timing) map[*node]bool) map[*node]bool {
	seen := make(map[*node]bool)
	var mark func(n *node)
	mark = func(n *node) {
		if n.timing == nil {
			return
		}
		for d := range edges(n.timing) {
			if !seen[d] {
				seen[d] = true
				mark(d)
			}
		}
	}
	for _, n := range g.roots {
		mark(n)
	}
	return seen
}

// printTimings writes the -debug=timing report. A dependency is
// "dep-matters" when its facts matter, "dep-looked" when a root or a
// package looked up from one looked up its facts but found none that
// mattered (a driver analysing dependencies on demand would analyse
// those two kinds), "dep-unused-facts" when it exported facts nobody
// needed, and "dep-nofacts" when it exported none and none was looked up.
func (g *graph) printTimings(w io.Writer) {
	matters := g.reach(func(t *timing) map[*node]bool { return t.hits })
	looked := g.reach(func(t *timing) map[*node]bool { return t.looked })
	type sum struct {
		n      int
		total  time.Duration
		phases map[string]time.Duration
	}
	sums := make(map[string]*sum)
	var lines []string
	for _, n := range g.nodes {
		t := n.timing
		if t == nil || !n.analysed {
			continue
		}
		kind := "dep-nofacts"
		switch {
		case n.root:
			kind = "root"
		case matters[n]:
			kind = "dep-matters"
		case looked[n]:
			kind = "dep-looked"
		case t.facts > 0:
			kind = "dep-unused-facts"
		}
		s := sums[kind]
		if s == nil {
			s = &sum{phases: make(map[string]time.Duration)}
			sums[kind] = s
		}
		s.n++
		var b strings.Builder
		var total time.Duration
		for _, p := range t.phases {
			total += p.d
			s.phases[p.name] += p.d
			fmt.Fprintf(&b, " %s=%.1f", p.name, p.d.Seconds()*1000)
		}
		s.total += total
		lines = append(lines, fmt.Sprintf("%s: timing %s %s facts=%d total=%.1fms%s", progname(), n.pkg.ID, kind, t.facts, total.Seconds()*1000, b.String()))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	kinds := make([]string, 0, len(sums))
	for k := range sums {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		s := sums[k]
		names := make([]string, 0, len(s.phases))
		for name := range s.phases {
			names = append(names, name)
		}
		sort.Slice(names, func(i, j int) bool { return s.phases[names[i]] > s.phases[names[j]] })
		var b strings.Builder
		for _, name := range names {
			fmt.Fprintf(&b, " %s=%.2fs", name, s.phases[name].Seconds())
		}
		fmt.Fprintf(w, "%s: timing summary %s packages=%d total=%.2fs%s\n", progname(), k, s.n, s.total.Seconds(), b.String())
	}
}

// -debug=facts prints, for every package analysed from source, a digest
// of the facts it exported: two builds of the driver (one that skips work
// on dependencies, see gates.go, and one that does not) must print the
// same.

// printFacts writes the -debug=facts report.
func (g *graph) printFacts(w io.Writer, analyzers []*analysis.Analyzer) {
	var lines []string
	for _, n := range g.nodes {
		if n.analysed {
			lines = append(lines, fmt.Sprintf("%s: facts %s %d %s", progname(), n.pkg.ID, len(n.facts), factSum(n.facts, analyzers)))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// factSum returns a short digest of facts (in their deterministic order),
// decoded: gob's encoding of a value depends on the types the process
// encoded before it.
func factSum(facts []factEntry, analyzers []*analysis.Analyzer) string {
	h := sha256.New()
	for _, f := range facts {
		var v any = f.Data
		for _, a := range analyzers {
			if a.Name == f.Analyzer && f.Type < len(a.FactTypes) {
				ptr := reflect.New(reflect.TypeOf(a.FactTypes[f.Type]).Elem())
				if gob.NewDecoder(bytes.NewReader(f.Data)).Decode(ptr.Interface()) == nil {
					v = ptr.Interface()
				}
			}
		}
		fmt.Fprintf(h, "%s %q %d %+v\n", f.Analyzer, f.Object, f.Type, v)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
