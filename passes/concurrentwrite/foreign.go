package concurrentwrite

import (
	"cmp"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// An AccessFact is on an exported function of a package that takes no
// lock for some map field of a type: it lists the accesses to such a
// field of the objects its parameters point to that the function makes,
// itself or through the functions of its package it calls, with no lock
// held. mennanov/limiters#71 is the model: Registry.GetOrCreate and
// DeleteExpired write r.m and nothing in package limiters locks for it,
// so an importer that calls DeleteExpired in a goroutine it starts and
// GetOrCreate from its HTTP handlers races on r.m ("fatal error:
// concurrent map writes"), which no analysis of either package alone
// shows. The importer treats each call of such a function as the accesses
// the fact lists, made at the call, on the argument's field (see
// foreignAccesses): its goroutines, handlers and spawners pair them as
// their own.
//
// A package that locks for the field somewhere is left out: the lock is
// its contract with the callers, which LockFact states where it can, and
// the package's own unlocked accesses are its findings.
type AccessFact struct {
	Accs []ForeignAccess
}

// A ForeignAccess is one access of an AccessFact.
type ForeignAccess struct {
	Param int  // the parameter (0 is a method's receiver) that is or points to the object
	Field int  // the index of the map field in the object's struct type
	Write bool // a write; a read otherwise
}

func (*AccessFact) AFact() {}

func (f *AccessFact) String() string {
	var s []string
	for _, a := range f.Accs {
		op := "reads"
		if a.Write {
			op = "writes"
		}
		s = append(s, fmt.Sprintf("%s($%d.#%d)", op, a.Param, a.Field))
	}
	return strings.Join(s, ",")
}

// exportAccessFacts gives each exported function its AccessFact (see
// paramAccs).
func (ck *checker) exportAccessFacts(fns []*ssa.Function, accs []*access) {
	lockedFor := make(map[*types.Var]bool) // map fields some access holds a lock at
	for _, a := range accs {
		// The package's own accesses say whether it locks for a field;
		// its calls of another package's functions say how it uses them.
		if a.Via == nil && a.id.Kind == mapid.Field && (a.held.Len() > 0 || a.may.Len() > 0) {
			lockedFor[a.id.Field] = true
		}
	}
	pa := &paramAccs{ck: ck, byFn: ck.byFn, lockedFor: lockedFor, memo: make(map[*ssa.Function][]ForeignAccess), busy: make(map[*ssa.Function]bool)}
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() || goroutine.InTestFile(fn) || ck.lp.Result(fn) == nil {
			continue
		}
		f := AccessFact{Accs: slices.Clone(pa.of(fn))}
		if len(f.Accs) > 0 {
			slices.SortFunc(f.Accs, func(a, b ForeignAccess) int {
				return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Field, b.Field), cmpBool(a.Write, b.Write))
			})
			ck.pass.ExportObjectFact(obj, &f)
		}
	}
}

// paramAccs computes, once per function, the accesses of an AccessFact: to
// a map field of what a parameter is or points to, holding no lock, made
// by the function or by a function of the package it calls statically,
// with no lock held at the call, passing the parameter on (s.add(k) in
// s.GetOrCreate). The summaries that goroutines are followed with would
// also see closures and interface calls, but computed for every exported
// function they blew up: olivere/elastic's query builders, each Source
// calling every implementation of Query, took 23 GB before being killed.
// A cycle sees its members' results so far.
type paramAccs struct {
	ck        *checker
	byFn      map[*ssa.Function][]*access
	lockedFor map[*types.Var]bool
	memo      map[*ssa.Function][]ForeignAccess
	busy      map[*ssa.Function]bool
}

func (pa *paramAccs) of(fn *ssa.Function) []ForeignAccess {
	if r, ok := pa.memo[fn]; ok || pa.busy[fn] {
		return r
	}
	pa.busy[fn] = true
	var out []ForeignAccess
	add := func(fa ForeignAccess) {
		if fa.Param >= 0 && fa.Field >= 0 && !slices.Contains(out, fa) {
			out = append(out, fa)
		}
	}
	for _, a := range pa.byFn[fn] {
		if a.held.Len() > 0 || a.may.Len() > 0 || a.id.Kind != mapid.Field || pa.lockedFor[a.id.Field] || a.base.Path.Len() > 0 {
			continue
		}
		if p, ok := a.base.Root.(*ssa.Parameter); ok && p.Parent() == fn {
			add(ForeignAccess{Param: slices.Index(fn.Params, p), Field: apis.FieldIndex(p.Type(), a.id.Field), Write: a.Write})
		}
	}
	if res := pa.ck.lp.Result(fn); res != nil {
		res.Each(func(instr ssa.Instruction, held lockset.Set) {
			c, ok := instr.(*ssa.Call)
			if !ok || held.Len() > 0 {
				return
			}
			callee := apis.StaticCallee(&c.Call)
			if callee == nil || callee == fn || callee.Pkg != fn.Pkg || pa.ck.lp.Result(callee) == nil || len(c.Call.Args) != len(callee.Params) {
				return
			}
			accs := pa.of(callee)
			if len(accs) == 0 || res.MayHold(instr).Len() > 0 {
				return
			}
			for _, fa := range accs {
				r := mapid.RefOf(c.Call.Args[fa.Param])
				if p, ok := r.Root.(*ssa.Parameter); ok && p.Parent() == fn && r.Path.Len() == 0 {
					add(ForeignAccess{Param: slices.Index(fn.Params, p), Field: fa.Field, Write: fa.Write})
				}
			}
		})
	}
	delete(pa.busy, fn)
	pa.memo[fn] = out
	return out
}

// foreignAccesses returns the accesses that the calls of fn, analysed as
// res, make through functions of other packages with an AccessFact: one
// per access of the fact, at the call, on the map field of the argument
// (a hidden access: mapid.Access's Holder and Field), with the locks held
// at the call.
func (ck *checker) foreignAccesses(fn *ssa.Function, res *lockset.Result) []*access {
	var out []*access
	res.Each(func(instr ssa.Instruction, held lockset.Set) {
		c, ok := instr.(*ssa.Call)
		if !ok {
			return
		}
		callee := apis.StaticCallee(&c.Call)
		if callee == nil || callee.Pkg == fn.Pkg {
			return
		}
		obj, ok := apis.Origin(callee).Object().(*types.Func)
		if !ok {
			return
		}
		var f AccessFact
		if !ck.pass.ImportObjectFact(obj, &f) {
			return
		}
		for _, fa := range f.Accs {
			if fa.Param >= len(c.Call.Args) {
				continue
			}
			holder := c.Call.Args[fa.Param]
			st := apis.StructOf(holder.Type())
			if st == nil || fa.Field >= st.NumFields() || !apis.IsMap(st.Field(fa.Field).Type()) {
				continue
			}
			ma := mapid.Access{
				Instr: c, Write: fa.Write, Op: shortName(obj), Pos: c.Pos(), Via: obj,
				Holder: holder, Field: st.Field(fa.Field).Origin(), FieldMap: mapid.FieldID(holder.Type(), fa.Field),
			}
			a := &access{Access: ma, fn: fn, id: ma.FieldMap, base: mapid.RefOf(holder), held: held, may: res.MayHold(instr)}
			a.fresh = ck.isFresh(fn, a.base)
			a.g = &guards.Access{Access: ma, Fn: fn, ID: a.id, Base: a.base, Held: held, Loaded: held, May: a.may, Fresh: a.fresh}
			out = append(out, a)
		}
	})
	return out
}

// shortName names fn for messages as Go prints it, by its package's name:
// (*limiters.Registry).GetOrCreate, limiters.NewRegistry.
func shortName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	t, star := recv.Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return "(" + star + n.Obj().Pkg().Name() + "." + n.Obj().Name() + ")." + fn.Name()
	}
	return fn.FullName()
}

// via names, for a message, the function of another package that makes
// the access a (" by (*limiters.Registry).GetOrCreate"), or nothing.
func via(a *access) string {
	if a.Via == nil {
		return ""
	}
	return " by " + a.Op
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
