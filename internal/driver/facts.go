package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Facts cross package boundaries encoded, as in unitchecker: each fact is
// gob-encoded and keyed by its analyzer, the object's objectpath in its
// package ("" for a package fact) and the index of its type in the
// analyzer's FactTypes. Dependents decode them against the canonical
// types of the package (read from export data), so facts never pin the
// syntax or the from-source types of a package.

// factEntry is one encoded fact.
type factEntry struct {
	Analyzer string
	Object   string // objectpath; "" for a package fact
	Type     int    // index in the analyzer's FactTypes
	Data     []byte
}

// factKey identifies a decoded fact.
type factKey struct {
	a   *analysis.Analyzer
	obj types.Object // nil for a package fact
	t   reflect.Type
	pkg *types.Package // the package the fact is about (obj's, for an object fact)
}

// factStore holds the facts exported by the package being analysed.
type factStore struct {
	mu    sync.Mutex
	facts map[factKey]analysis.Fact
}

func newFactStore() *factStore { return &factStore{facts: make(map[factKey]analysis.Fact)} }

// encode returns the store's facts in a deterministic order. Facts about
// objects that have no objectpath (local objects) cannot be named by
// dependents and are dropped.
func (s *factStore) encode() []factEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []factEntry
	var enc objectpath.Encoder // amortises the walk of the package over all facts
	for k, f := range s.facts {
		var path objectpath.Path
		if k.obj != nil {
			p, err := enc.For(k.obj)
			if err != nil {
				continue
			}
			path = p
		}
		idx := -1
		for i, ft := range k.a.FactTypes {
			if reflect.TypeOf(ft) == k.t {
				idx = i
			}
		}
		var buf bytes.Buffer
		if idx < 0 || gob.NewEncoder(&buf).Encode(f) != nil {
			continue
		}
		out = append(out, factEntry{Analyzer: k.a.Name, Object: string(path), Type: idx, Data: buf.Bytes()})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return a.Type < b.Type
	})
	return out
}

// decodedFacts returns the facts of analyzer a about a done node,
// decoded against its canonical types. Facts are decoded per analyzer: a
// lookup, or an enumeration (AllObjectFacts), by one analyzer reads the
// export data of only the packages that have facts of that analyzer (a
// package may have facts of ctrlflow or guards alone, whose types the
// enumerations of another analyzer do not need).
func (g *graph) decodedFacts(n *node, a *analysis.Analyzer) map[factKey]analysis.Fact {
	n.factsOnce.Do(func() {
		if n.fromCache {
			n.facts, _ = g.cacheFacts(n.key)
		}
	})
	n.decodedMu.Lock()
	defer n.decodedMu.Unlock()
	if m, ok := n.decoded[a]; ok {
		return m
	}
	if n.decoded == nil {
		n.decoded = make(map[*analysis.Analyzer]map[factKey]analysis.Fact)
	}
	m := make(map[factKey]analysis.Fact)
	n.decoded[a] = m
	if !slices.ContainsFunc(n.facts, func(e factEntry) bool { return e.Analyzer == a.Name }) {
		return m
	}
	tpkg, err := g.typesOf(n)
	if err != nil {
		return m
	}
	for _, e := range n.facts {
		if e.Analyzer != a.Name || e.Type < 0 || e.Type >= len(a.FactTypes) {
			continue
		}
		var obj types.Object
		if e.Object != "" {
			obj, err = objectpath.Object(tpkg, objectpath.Path(e.Object))
			if err != nil {
				continue // not in the export data: no dependent can name it
			}
		}
		t := reflect.TypeOf(a.FactTypes[e.Type])
		fact := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if err := gob.NewDecoder(bytes.NewReader(e.Data)).Decode(fact); err != nil {
			continue
		}
		m[factKey{a, obj, t, tpkg}] = fact
	}
	return m
}

// bindFacts sets the fact functions of pass, which analyses n: facts of the
// package itself go to local, facts of other packages come from their nodes.
func (g *graph) bindFacts(pass *analysis.Pass, n *node, tpkg *types.Package, local *factStore) {
	a := pass.Analyzer
	lookup := func(pkg *types.Package, obj types.Object, ptr analysis.Fact) bool {
		k := factKey{a, obj, reflect.TypeOf(ptr), pkg}
		var fact analysis.Fact
		if pkg == tpkg {
			local.mu.Lock()
			fact = local.facts[k]
			local.mu.Unlock()
		} else if d := g.nodeOf(pkg); d != nil {
			fact = g.decodedFacts(d, a)[k]
			n.timing.lookup(d, fact != nil)
		}
		if fact == nil {
			return false
		}
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
		return true
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object given to ImportObjectFact")
		}
		if obj.Pkg() == nil {
			return false
		}
		return lookup(obj.Pkg(), obj, ptr)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		if pkg == nil {
			panic("nil package given to ImportPackageFact")
		}
		return lookup(pkg, nil, ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != tpkg {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, tpkg.Path(), obj, fact))
		}
		local.mu.Lock()
		local.facts[factKey{a, obj, reflect.TypeOf(fact), tpkg}] = fact
		local.mu.Unlock()
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		local.mu.Lock()
		local.facts[factKey{a, nil, reflect.TypeOf(fact), tpkg}] = fact
		local.mu.Unlock()
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		g.eachFact(n, local, a, func(k factKey, f analysis.Fact) {
			if k.obj != nil {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		})
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		g.eachFact(n, local, a, func(k factKey, f analysis.Fact) {
			if k.obj == nil {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		})
		return out
	}
}

// eachFact calls f for every fact of analyzer a visible from n: its own,
// and those of its dependencies, transitively.
func (g *graph) eachFact(n *node, local *factStore, a *analysis.Analyzer, f func(factKey, analysis.Fact)) {
	local.mu.Lock()
	for k, v := range local.facts {
		if k.a == a {
			f(k, v)
		}
	}
	local.mu.Unlock()
	seen := make(map[*node]bool)
	var visit func(d *node)
	visit = func(d *node) {
		if seen[d] {
			return
		}
		seen[d] = true
		for k, v := range g.decodedFacts(d, a) {
			f(k, v)
		}
		for _, dd := range d.deps {
			visit(dd)
		}
	}
	for _, d := range n.deps {
		visit(d)
	}
}
