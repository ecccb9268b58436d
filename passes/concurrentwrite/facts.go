package concurrentwrite

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// A LockFact is the lock summary of an exported function: the locks it takes
// or releases for its caller, and the locks all its callers in its own
// package hold when calling it. For
//
//	func (s *Store) Lock()           { s.mu.Lock() }
//	func (s *Store) PutLocked(k string) { s.m[k] = 1 } // only called under s.mu
//
// the facts are "acquires($0.mu)" and "requires($0.mu)": $0 is the first
// parameter (the receiver), .mu the path to the mutex.
//
// Writes lists the maps the function writes under a lock it requires, as
// paths from its parameters ("$0.m"), so that a caller in another package
// that calls it without the lock is reported.
type LockFact struct {
	Summary lockset.Summary
	Writes  []lockset.Abstract
}

func (*LockFact) AFact() {}

func (f *LockFact) String() string {
	s := f.Summary.String()
	if len(f.Writes) > 0 {
		var ws []string
		for _, w := range f.Writes {
			ws = append(ws, w.String())
		}
		s += " writes(" + strings.Join(ws, ",") + ")"
	}
	return s
}

func (ck *checker) exportFacts(fns []*ssa.Function, accs []*access) {
	writes := make(map[*ssa.Function][]lockset.Abstract)
	for _, a := range accs {
		if !a.Write || a.id.Kind != mapid.Field || a.fn.Parent() != nil {
			continue
		}
		if w, ok := lockset.AbstractOf(a.fn, a.base.Append(a.id.FieldStep()), false); ok && !slices.ContainsFunc(writes[a.fn], w.Equal) {
			writes[a.fn] = append(writes[a.fn], w)
		}
	}
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() {
			continue
		}
		sum := ck.lp.Summary(fn)
		if sum.IsEmpty() {
			continue
		}
		f := &LockFact{Summary: *sum}
		// Only writes below an object whose lock is required.
		for _, w := range writes[fn] {
			for _, r := range sum.Requires {
				if r.Param == w.Param && !r.Read && sibling(r.Path, w.Path) {
					f.Writes = append(f.Writes, w)
					break
				}
			}
		}
		ck.pass.ExportObjectFact(obj, f)
	}
}

// sibling reports whether paths a and b (".mu", ".m") select fields of one
// object: their last field steps are made from the same object.
func sibling(a, b mapid.PathData) bool {
	i, j := lastField(a), lastField(b)
	return i >= 0 && j >= 0 && a[:i].Equal(b[:j])
}

func lastField(p mapid.PathData) int {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].Kind == mapid.FieldStep {
			return i
		}
	}
	return -1
}

// checkRequired reports calls to functions of other packages that write a
// map under a lock they require of their callers, made without that lock:
//
//	store.PutLocked(s, k) // PutLocked writes s.m, its package always calls it holding s.mu
func (ck *checker) checkRequired(fns []*ssa.Function) {
	for _, fn := range fns {
		r := ck.lp.Result(fn)
		if r == nil || r.Opaque || r.TryLocks || !ck.exposed[fn] {
			continue
		}
		r.Each(func(instr ssa.Instruction, held lockset.Set) {
			c, ok := instr.(*ssa.Call)
			if !ok || !ck.inFile(c.Call.Pos()) {
				return
			}
			callee := apis.StaticCallee(&c.Call)
			if callee == nil || ck.lp.Result(callee) != nil {
				return // not imported
			}
			obj, ok := callee.Object().(*types.Func)
			if !ok {
				return
			}
			var f LockFact
			if !ck.pass.ImportObjectFact(obj, &f) || len(f.Writes) == 0 {
				return
			}
			for _, w := range f.Writes {
				for _, req := range f.Summary.Requires {
					if req.Param != w.Param || req.Read || !sibling(req.Path, w.Path) {
						continue
					}
					mu, ok := req.Concrete(&c.Call, callee)
					if !ok || held.Holds(mu, false) || r.MayHold(instr).Holds(mu, false) {
						continue
					}
					if w.Param < len(c.Call.Args) && ck.isFresh(fn, mapid.RefOf(c.Call.Args[w.Param])) {
						continue
					}
					name := obj.Pkg().Name() + "." + obj.Name()
					if sig := obj.Signature(); sig.Recv() != nil {
						name = obj.Name()
					}
					arg := ck.argText(c, w.Param)
					mapName := arg + w.Path.Selectors()
					muName := arg + req.Path.Selectors()
					ck.addFix(analysis.Diagnostic{
						Pos:      c.Call.Pos(),
						Category: CategoryRequired,
						Message: fmt.Sprintf("concurrent write to map %s by %s without %s (held: %s); its package calls it holding the lock",
							mapName, name, muName, held.String(ck.lockName)),
					}, nil, requiredWhy(mu, muName, name, ck.pass.Pkg))
					return
				}
			}
		})
	}
}

// requiredWhy says why a call of name without the lock muName (mu), which
// name requires, gets no fix: a field that the lock's package does not
// export cannot be named here; where it can, the lock must cover what the
// caller does around the call, as it does in the callee's package, and how
// far is a design decision.
func requiredWhy(mu mapid.Ref, muName, name string, pkg *types.Package) string {
	for i := range mu.Path.Len() {
		if st := mu.Path.At(i); st.Kind() == mapid.FieldStep && !st.Var().Exported() && st.Var().Pkg() != pkg {
			return fmt.Sprintf("%s is not exported by package %s", muName, st.Var().Pkg().Name())
		}
	}
	return fmt.Sprintf("how much of the caller %s must cover around %s is a design decision", muName, name)
}

// argText prints argument i of a call as written (the receiver for a
// method call).
func (ck *checker) argText(c *ssa.Call, i int) string {
	cur, ok := ck.syn.at[c.Call.Pos()]
	if !ok {
		return fmt.Sprintf("$%d", i)
	}
	call := cur.Node().(*ast.CallExpr)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && ck.pass.TypesInfo.Selections[sel] != nil {
		if i == 0 {
			return types.ExprString(sel.X)
		}
		i--
	}
	if i < len(call.Args) {
		return types.ExprString(call.Args[i])
	}
	return fmt.Sprintf("$%d", i)
}
