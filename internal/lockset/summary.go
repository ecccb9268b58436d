package lockset

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
)

// An Abstract lock is a lock named independently of any call: a path from a
// parameter of a function (Param >= 0) or from a package-level variable
// (Param < 0, Global = "pkgpath.name"). It is part of facts, so its path
// is plain data ([mapid.PathData]: fields by index and name, constant
// indices by value); it prints as "$0.mu" or "example.com/pkg.registryMu".
type Abstract struct {
	Param  int
	Global string
	Path   mapid.PathData
	Read   bool
}

// Equal reports whether a and b name the same lock in the same mode.
func (a Abstract) Equal(b Abstract) bool {
	return a.Param == b.Param && a.Global == b.Global && a.Read == b.Read && a.Path.Equal(b.Path)
}

func (a Abstract) String() string {
	s := a.Global
	if a.Param >= 0 {
		s = fmt.Sprintf("$%d", a.Param)
	}
	s += a.Path.String()
	if a.Read {
		s += "(r)"
	}
	return s
}

// AbstractOf names ref, as seen inside fn, independently of fn's callers.
func AbstractOf(fn *ssa.Function, ref mapid.Ref, read bool) (Abstract, bool) {
	switch root := ref.Root.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == root {
				return Abstract{Param: i, Path: ref.Path.Data(), Read: read}, true
			}
		}
	case *ssa.Global:
		if root.Pkg != nil {
			return Abstract{Param: -1, Global: root.Pkg.Pkg.Path() + "." + root.Name(), Path: ref.Path.Data(), Read: read}, true
		}
	}
	return Abstract{}, false
}

// Concrete names a, a lock of callee, at a call: a parameter path becomes the
// argument's path; a package variable is looked up in the callee's package
// or among the program's imported packages. The path's fields are resolved against the type of the argument or
// variable, and a path that does not fit it names nothing.
func (a Abstract) Concrete(call *ssa.CallCommon, callee *ssa.Function) (mapid.Ref, bool) {
	if a.Param >= 0 {
		args := call.Args
		if call.IsInvoke() {
			return mapid.Ref{}, false
		}
		// A closure's free variables are not parameters, a method value's
		// receiver is bound: only map positional arguments.
		if a.Param >= len(args) || len(args) != arity(callee) {
			return mapid.Ref{}, false
		}
		p, ok := a.Path.Resolve(args[a.Param].Type())
		if !ok {
			return mapid.Ref{}, false
		}
		return mapid.RefOf(args[a.Param]).Child(p), true
	}
	i := strings.LastIndex(a.Global, ".")
	if i < 0 {
		return mapid.Ref{}, false
	}
	// The callee's own package first: the package being analysed is not
	// among the program's importable packages (buildssa creates it
	// apart), and its helpers lock its own package variables
	// (runtime/pprof's lockProfiles takes profiles.mu).
	pkg := callee.Pkg
	if pkg == nil || pkg.Pkg.Path() != a.Global[:i] {
		pkg = callee.Prog.ImportedPackage(a.Global[:i])
	}
	if pkg == nil {
		return mapid.Ref{}, false
	}
	g, ok := pkg.Members[a.Global[i+1:]].(*ssa.Global)
	if !ok {
		return mapid.Ref{}, false
	}
	p, ok := a.Path.Resolve(g.Type())
	if !ok {
		return mapid.Ref{}, false
	}
	return mapid.Ref{Root: g, Path: p}, true
}

// A Summary is what a function does to its caller's locks (Acquires: held at
// return, not on entry; Releases: held on entry, released at return) and the
// locks that every caller holds when calling it (Requires).
type Summary struct {
	Acquires []Abstract
	Releases []Abstract
	Requires []Abstract
}

// IsEmpty reports whether s says nothing.
func (s *Summary) IsEmpty() bool {
	return s == nil || len(s.Acquires)+len(s.Releases)+len(s.Requires) == 0
}

func (s *Summary) String() string {
	var parts []string
	add := func(name string, as []Abstract) {
		if len(as) == 0 {
			return
		}
		var xs []string
		for _, a := range as {
			xs = append(xs, a.String())
		}
		parts = append(parts, name+"("+strings.Join(xs, ",")+")")
	}
	add("acquires", s.Acquires)
	add("releases", s.Releases)
	add("requires", s.Requires)
	return strings.Join(parts, " ")
}

// Effect computes the Acquires and Releases of fn from its analysis run
// with no lock held on entry.
func Effect(r *Result) (acq, rel []Abstract) {
	exit, ok := r.Exit()
	if !ok {
		return nil, nil
	}
	for _, l := range exit.Locks() {
		if a, ok := AbstractOf(r.Fn, l.Ref, l.Read); ok {
			acq = append(acq, a)
		}
	}
	foreign := dropped(r)
	if len(foreign) == 0 {
		return acq, nil
	}
	// A function that drops its caller's lock and takes it back before
	// every return gives it back, whatever paths return early without
	// touching it (nats-server's configureAuthorization: if opts == nil {
	// return }; ...; if callout { s.mu.Unlock(); lookup(); s.mu.Lock() }).
	// Run with no lock on entry, the early return's exit holds nothing
	// and the relocking path's holds the lock, so Acquires cannot say it;
	// run with the dropped locks held on entry, a lock held at every
	// return is not released.
	var entry Set
	for _, l := range foreign {
		entry = entry.With(l)
	}
	back, hasBack := Analyze(r.Fn, entry, r.callees).Exit()
	for _, l := range foreign {
		if hasBack && back.Holds(l.Ref, l.Read) {
			continue
		}
		if a, ok := AbstractOf(r.Fn, l.Ref, l.Read); ok && !slices.ContainsFunc(rel, a.Equal) {
			rel = append(rel, a)
		}
	}
	return acq, rel
}

// arity is the number of arguments of a static call to fn, receiver
// included (fn.Params is empty for a function of another package).
func arity(fn *ssa.Function) int {
	n := fn.Signature.Params().Len()
	if fn.Signature.Recv() != nil {
		n++
	}
	return n
}
