package iterorder

import (
	"cmp"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Calls through an interface.
//
// A package that declares an interface for its own use (web/api/v1's
// alertmanagerRetriever, with Alertmanagers() []*url.URL) and calls its
// methods shows what its dependencies return through it: Prometheus wires
// *notifier.Manager in. A call of a method of an interface declared in the
// caller's package stands for every implementation among the functions
// with an OrderedResultFact that this package can see (its own, and those
// of the packages it depends on), and is reported when any one of them
// returns map order and the caller shows it; the finding names that
// implementation.
//
// Why any, and why only the caller's own interfaces. At run time the call
// goes to one implementation; if that one returns map order, what the
// caller shows depends on the order, whichever other types could have been
// there. Requiring every implementation to carry the fact would be silenced
// by a test double or a second backend that sorts, and the set of
// implementations is never complete in a modular analysis anyway. The risk
// of any is a type that satisfies the interface by coincidence and is never
// passed to the call. An interface the caller's package declares for its
// own use names exactly the methods it needs from something it is given,
// and a type in its dependencies with that method set is, in practice,
// what it is given; a broad interface declared elsewhere (a storage
// Querier with a dozen backends and fakes, io.Reader) is not followed, as
// concurrentwrite does not follow it either.

// An orderedCallee is a function whose result carries map order, with its
// fact.
type orderedCallee struct {
	fn   *types.Func
	fact *OrderedResultFact
}

// orderedCallees returns the functions a call of fn may run whose result
// carries map order: fn itself when it is a function of another package
// with the fact; the implementations with the fact when fn is a method of
// an interface declared in this package.
func (c *checker) orderedCallees(fn *types.Func) []orderedCallee {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		if fn.Pkg() != c.pass.Pkg {
			return nil
		}
		return c.implementations(fn)
	}
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	fact := new(OrderedResultFact)
	if !c.pass.ImportObjectFact(fn.Origin(), fact) {
		return nil
	}
	return []orderedCallee{{fn, fact}}
}

// implementations returns the methods with an OrderedResultFact, of this
// package (computed in this run) or of its dependencies, whose type
// implements m's interface and that m's calls may therefore run, in a
// deterministic order.
func (c *checker) implementations(m *types.Func) []orderedCallee {
	iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var out []orderedCallee
	for _, cand := range c.orderedMethods()[m.Name()] {
		recv := cand.fn.Type().(*types.Signature).Recv().Type()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		named, ok := recv.(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue // a generic type implements an interface only once instantiated
		}
		if types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface) {
			out = append(out, cand)
		}
	}
	return out
}

// orderedMethods indexes, by name, the methods with an OrderedResultFact
// this package can see: the facts of its dependencies, then its own. It is
// built once per run.
func (c *checker) orderedMethods() map[string][]orderedCallee {
	if c.methodFacts != nil {
		return c.methodFacts
	}
	c.methodFacts = make(map[string][]orderedCallee)
	add := func(fn *types.Func, f *OrderedResultFact) {
		if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil && !types.IsInterface(sig.Recv().Type()) {
			c.methodFacts[fn.Name()] = append(c.methodFacts[fn.Name()], orderedCallee{fn, f})
		}
	}
	all := c.pass.AllObjectFacts() // in no particular order
	slices.SortFunc(all, func(a, b analysis.ObjectFact) int {
		return cmp.Compare(objectKey(a.Object), objectKey(b.Object))
	})
	for _, of := range all {
		fn, ok := of.Object.(*types.Func)
		f, isOrdered := of.Fact.(*OrderedResultFact)
		if ok && isOrdered && fn.Pkg() != c.pass.Pkg {
			add(fn, f)
		}
	}
	for _, d := range c.decls {
		if f, ok := c.ordered[d.obj]; ok {
			add(d.obj, f)
		}
	}
	return c.methodFacts
}

// objectKey identifies obj across packages: (*pkg/path.T).Name.
func objectKey(obj types.Object) string {
	if fn, ok := obj.(*types.Func); ok {
		return fn.FullName()
	}
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}
