package guards

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guard"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// collect returns the map accesses of the package with their context, and
// apart the accesses of functions whose callers all hold locks this
// analysis cannot name (lockset's Result.Opaque): those are not checked,
// since the lock they run under is unknown, but they are evidence about
// the guard (see Unnamed).
func (r *Result) collect(fns []*ssa.Function) (out, unnamed []*Access) {
	for _, fn := range fns {
		res := r.Locks.Result(fn)
		if res == nil || res.TryLocks {
			// Held locks depend on TryLock's result: not modelled.
			continue
		}
		if res.Opaque {
			unnamed = r.accessesOf(fn, res, unnamed)
		} else {
			out = r.accessesOf(fn, res, out)
		}
	}
	return out, unnamed
}

// accessesOf appends the map accesses of fn, analysed as res, to out.
func (r *Result) accessesOf(fn *ssa.Function, res *lockset.Result, out []*Access) []*Access {
	live := liveBlocks(fn)
	loads := make(map[ssa.Value]lockset.Set)
	first := len(out)
	res.Each(func(instr ssa.Instruction, held lockset.Set) {
		if live != nil && !live[instr.Block()] {
			return // under a constant condition that rules it out
		}
		if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL && isMapType(u.Type()) {
			loads[u] = held
		}
		for _, a := range mapid.Accesses(instr) {
			id, base := mapid.Of(a.Map)
			if a.Holder != nil {
				// A hidden read (json.Marshal(s) reads s.m).
				id, base = a.FieldMap, a.Holder
			}
			if id.Kind == mapid.Unknown {
				continue
			}
			// Held on some path of every call counts as held on some
			// path here (see lockset.MayOnEntry).
			may := res.MayHold(instr)
			if held.Len() == 0 && may.Len() == 0 {
				may = r.Locks.MayOnEntry(fn)
			}
			acc := &Access{Access: a, Fn: fn, ID: id, Held: held, Loaded: held, May: may}
			if base != nil {
				acc.Base = mapid.RefOf(base)
				acc.Fresh = r.IsFresh(fn, acc.Base) || r.setupFresh(fn, acc.Base, instr)
			} else {
				acc.Fresh = r.Alone[fn] || (id.Kind == mapid.Global && r.initOnly[id.Global])
			}
			out = append(out, acc)
		}
	})
	for _, acc := range out[first:] {
		if h, ok := loads[acc.Map]; ok && acc.Map != nil {
			acc.Loaded = h
		}
	}
	return out
}

// indexUnnamed records, per shared map, the accesses of unnamed that are
// evidence about its guard (see Unnamed).
func (r *Result) indexUnnamed(unnamed []*Access) {
	r.unnamed = make(map[mapid.ID][]guard.Obs)
	for _, a := range unnamed {
		if (a.ID.Kind == mapid.Field || a.ID.Kind == mapid.Global) && r.GuardEvidence(a) {
			r.unnamed[a.ID] = append(r.unnamed[a.ID], guard.Obs{Base: a.Base, Held: a.Held, Write: a.Write, Fn: a.Fn})
		}
	}
}

// Unnamed returns the accesses to the map id made in functions whose
// callers hold locks this analysis cannot name, as evidence about its
// guard: each holds only the locks it takes itself. Their callers hold a
// lock of another object (or of this one under a name the callee cannot
// see), and what else they hold is not recorded, so a guard held there by
// the callers is missed; the majority rule of guard.Infer tolerates a few
// such accesses. Leaving them out let a lock held at a minority of the
// accesses pass for the guard: go-ethereum's SortedMap.items is guarded
// by the pool's lock, held by the callers of the list that owns the
// SortedMap; only Put and flatten, which also reset or fill the cache,
// hold m.cacheMu, and the pass inferred cacheMu from them and reported
// Get.
func (r *Result) Unnamed(id mapid.ID) []guard.Obs { return r.unnamed[id] }

// inferGuards finds the guard of every shared map (fields and package
// variables) from the accesses that are evidence, those made under locks
// that cannot be named included, a declared guard taking precedence.
func (r *Result) inferGuards(pass *analysis.Pass) {
	declared := declaredGuards(pass)
	r.guards = make(map[mapid.ID]guard.Guard)
	var order []mapid.ID
	obs := make(map[mapid.ID][]guard.Obs)
	for _, a := range r.Accesses {
		if a.ID.Kind != mapid.Field && a.ID.Kind != mapid.Global {
			continue
		}
		if _, ok := obs[a.ID]; !ok {
			order = append(order, a.ID)
			obs[a.ID] = []guard.Obs{}
		}
		if r.GuardEvidence(a) {
			obs[a.ID] = append(obs[a.ID], guard.Obs{Base: a.Base, Held: a.Held, Write: a.Write, Fn: a.Fn})
		}
	}
	for _, id := range order {
		all := append(obs[id], r.Unnamed(id)...)
		if d, ok := declared.of(id); ok {
			r.guards[id] = guard.Declared(d, all)
		} else if g, ok := guard.Infer(all); ok {
			r.guards[id] = g
		}
	}
	for id, d := range declared.byID() {
		if _, ok := r.guards[id]; !ok {
			r.guards[id] = guard.Declared(d, nil)
		}
	}
}

// GuardEvidence reports whether a counts towards the inference of its
// map's guard: it is evidence (Evidence), and not test code touching a
// map the package declares. The guard of such a map is inferred from the
// package's own code, so that the package and its test variant, which
// the driver both reports, agree on it: nats-server's tests write
// Account.signingKeys under a.mu alone, which made the test variant infer
// a.mu where the package infers a.cmu (updateAccountClaimsWithRefresh
// holds both), and report accounts.go:3381 twice. Tests are still checked
// against the guard.
func (r *Result) GuardEvidence(a *Access) bool {
	if !r.Evidence(a) {
		return false
	}
	if !goroutine.InTestFile(a.Fn) {
		return true
	}
	var pos token.Pos
	switch a.ID.Kind {
	case mapid.Field:
		pos = a.ID.Field.Pos()
	case mapid.Global:
		pos = a.ID.Global.Pos()
	}
	return goroutine.InTestFileAt(a.Fn.Prog.Fset, pos)
}

// declarations holds the guards declared on the package's fields and
// package variables with //maplint:guardedby.
type declarations struct {
	fields  map[*types.Var]guard.Guard
	globals map[*ssa.Global]guard.Guard
}

func (d declarations) of(id mapid.ID) (guard.Guard, bool) {
	switch id.Kind {
	case mapid.Field:
		g, ok := d.fields[id.Field]
		return g, ok
	case mapid.Global:
		g, ok := d.globals[id.Global]
		return g, ok
	}
	return guard.Guard{}, false
}

func (d declarations) byID() map[mapid.ID]guard.Guard {
	out := make(map[mapid.ID]guard.Guard)
	for f, g := range d.fields {
		out[mapid.ID{Kind: mapid.Field, Field: f}] = g
	}
	for v, g := range d.globals {
		out[mapid.ID{Kind: mapid.Global, Global: v}] = g
	}
	return out
}

// GuardedBy is the directive that declares the guard of a map field or
// package variable: the name of a sibling mutex field, or of a package
// variable for a package-level map.
const GuardedBy = "//maplint:guardedby"

// declaredGuards reads the //maplint:guardedby directives of the package's
// map fields (naming a sibling sync.Mutex or sync.RWMutex field) and
// package-level maps (naming a package-level mutex). A directive naming
// something else declares nothing.
func declaredGuards(pass *analysis.Pass) declarations {
	d := declarations{fields: make(map[*types.Var]guard.Guard), globals: make(map[*ssa.Global]guard.Guard)}
	ssaPkg := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).Pkg
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.StructType:
				st, ok := pass.TypesInfo.TypeOf(n).(*types.Struct)
				if !ok {
					return true
				}
				for _, fld := range n.Fields.List {
					name := directiveArg(fld.Doc, fld.Comment)
					if name == "" {
						continue
					}
					i := structField(st, name)
					if i < 0 || !isMutex(st.Field(i).Type()) {
						continue
					}
					for _, id := range fld.Names {
						if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && isMapType(v.Type()) {
							d.fields[v.Origin()] = guard.Field(mapid.FieldOf(st, i))
						}
					}
				}
			case *ast.GenDecl:
				for _, spec := range n.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					doc := vs.Doc
					if doc == nil && len(n.Specs) == 1 {
						doc = n.Doc
					}
					name := directiveArg(doc, vs.Comment)
					mu := ssaPkg.Var(name)
					if name == "" || mu == nil || !isMutex(mu.Type().(*types.Pointer).Elem()) {
						continue
					}
					for _, id := range vs.Names {
						if g := ssaPkg.Var(id.Name); g != nil && isMapType(g.Type().(*types.Pointer).Elem()) {
							d.globals[g] = guard.Global(mu)
						}
					}
				}
			}
			return true
		})
	}
	return d
}

// directiveArg returns the name a //maplint:guardedby directive in the
// comment groups gives, or "".
func directiveArg(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, GuardedBy+" ")
			if !ok {
				continue
			}
			if fields := strings.Fields(rest); len(fields) > 0 {
				return fields[0]
			}
		}
	}
	return ""
}

// structField returns the index of the field of st named name, or -1.
func structField(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// isMutex reports whether t is a lock held by value (sync.Mutex,
// sync.RWMutex: its Lock method is a Lock row of the API table), so that
// the path to it from the object does not follow a pointer.
func isMutex(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "Lock")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	_, ok = apis.Find(fn, apis.Lock)
	return ok
}

func isMapType(t types.Type) bool { return apis.IsMap(t) }
