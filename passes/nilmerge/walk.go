package nilmerge

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file drives the backward walk of memory.go from a load to what last
// defined the location: up through blocks with one live predecessor, into
// each predecessor of a join, and from the entry of a helper into the
// callers that pass it the struct the location is a field of,
//
//	existing := &corev1.ConfigMap{}
//	err = r.Get(ctx, key, existing)           // the origin
//	if err != nil && k8serrors.IsNotFound(err) { ...; return nil } else if err != nil { return ... }
//	if !reflect.DeepEqual(...) { existing.Labels = ... }   // a join
//	mergeAnnotations(&existing.ObjectMeta, desired)       // into the helper
//
//	func mergeAnnotations(target *metav1.ObjectMeta, desired metav1.ObjectMeta) bool {
//		return mergeMap(target.Annotations, desired.Annotations) // the load
//	}
//
// (FoundationDB/fdb-kubernetes-operator#2226). A join is followed edge by
// edge, each with the facts of its branch; the nil is found when one edge
// leads to it. A loop header ends the walk, as does the entry of a
// function whose location is not a field of a pointer parameter.

// maxJoins bounds the joins one walk goes through, maxHops the helpers it
// leaves by their entry.
const (
	maxJoins = 8
	maxHops  = 2
)

// walk is the state of one backward walk.
type walk struct {
	load  *ssa.UnOp       // the load the walk started from
	at    ssa.Instruction // the load, or the call the walk came up from a helper through
	steps int
	joins int
	hops  int
}

// walkBack walks backwards from instruction i of block b (i < 0: from the
// end of its predecessors) until an instruction defines l or may change it.
func (a *checker) walkBack(b *ssa.BasicBlock, i int, l loc, facts []fact, st *searchState, w *walk) (*origin, []fact) {
	for ; w.steps < maxWalk; w.steps++ {
		if i < 0 {
			if p := a.singleLivePred(b); p != nil {
				b, i = p, len(p.Instrs)-1
				continue
			}
			if b.Index == 0 {
				return a.paramLocSource(l, facts, st, w)
			}
			return a.joinSource(b, l, facts, st, w)
		}
		instr := b.Instrs[i]
		i--
		// defines' next result only says to go on to the previous
		// instruction, which the loop does anyway.
		o, f, _, done := a.defines(instr, &l, facts, st, w)
		if done {
			return o, f
		}
	}
	return nil, nil
}

// joinSource walks into each live predecessor of the join b, under the
// facts of its edge; a loop header, or a join of more than four edges,
// ends the walk.
func (a *checker) joinSource(b *ssa.BasicBlock, l loc, facts []fact, st *searchState, w *walk) (*origin, []fact) {
	if isLoopHeader(b) || w.joins >= maxJoins {
		return nil, nil
	}
	var live []*ssa.BasicBlock
	for _, p := range b.Preds {
		if !a.dead(p) {
			live = append(live, p)
		}
	}
	if len(live) < 2 || len(live) > 4 {
		return nil, nil
	}
	w.joins++
	for _, p := range live {
		ef := append(facts[:len(facts):len(facts)], edgeFacts(p, b)...)
		ef = dedup(append(ef, domFacts(a, p)...))
		if !consistent(ef) || testedNonNil(ef, l) {
			continue
		}
		if o, f := a.walkBack(p, len(p.Instrs)-1, l, ef, st, w); o != nil {
			return o, f
		}
	}
	return nil, nil
}

// paramLocSource follows l, a field of the struct a pointer parameter of
// the walk's function points to, into the static calls of the function in
// this package: at each, l is the field of the struct the argument points
// to, and the walk goes on backwards from the call. As for a map
// parameter (paramSource), the facts at the load must be about the
// parameters only, and are carried to the arguments.
func (a *checker) paramLocSource(l loc, facts []fact, st *searchState, w *walk) (*origin, []fact) {
	p, ok := l.base.(*ssa.Parameter)
	if !ok || l.field < 0 || w.hops >= maxHops {
		return nil, nil
	}
	if _, ok := p.Type().Underlying().(*types.Pointer); !ok {
		return nil, nil
	}
	fn := p.Parent()
	if st.inParam[fn] {
		return nil, nil
	}
	idx := paramIndex(fn, p)
	// The facts about the load itself say what is being searched; that
	// a merge's source is not empty (the range over desired.Annotations
	// of the helper's helper) holds of any map the walk knows nothing
	// of, and the caller's argument is one.
	var own []fact
	for _, f := range facts {
		if f.v != ssa.Value(w.load) && f.k != nonEmpty {
			own = append(own, f)
		}
	}
	conds, ok := paramConds(own, fn, false)
	if idx < 0 || !ok {
		return nil, nil
	}
	if st.inParam == nil {
		st.inParam = make(map[*ssa.Function]bool)
	}
	st.inParam[fn] = true
	defer delete(st.inParam, fn)
	at := w.at
	defer func() { w.at = at }()
	w.hops++
	defer func() { w.hops-- }()
	for call, cf := range a.feasibleCalls(fn, conds, st) {
		nl := loc{base: call.Call.Args[idx], field: l.field}
		if testedNonNil(cf, nl) {
			continue // if existing.Annotations != nil { merge(&existing.ObjectMeta) }
		}
		w.at = call
		if o, f := a.walkBack(call.Block(), indexOf(call.Block(), call)-1, nl, cf, st, w); o != nil {
			return a.passedStruct(p, l, call, o), f
		}
	}
	return nil, nil
}

// passedStruct says that call passes p a struct whose field l is the nil
// that o says where it comes from.
func (a *checker) passedStruct(p *ssa.Parameter, l loc, call *ssa.Call, o *origin) *origin {
	name := "map"
	if f := fieldOf(p.Type(), l.field); f != nil {
		name = f.Name()
	}
	why := fmt.Sprintf("%s.%s is nil at this call to %s (%s)", p.Name(), name, p.Parent().Name(), o.describe(a.pass.Fset))
	return &origin{pos: call.Pos(), why: why, kind: fromParam, inner: o}
}

// testedNonNil reports whether facts say that a load of l is not nil: the
// path went through a test of the map (if cm.Annotations == nil {
// cm.Annotations = ... }, on its edge where the map was there). Within
// one function the search sees that the loads are the same (sameValue); a
// load in the caller of a helper is not the helper's.
func testedNonNil(facts []fact, l loc) bool {
	for _, f := range facts {
		if f.k != nonNil && f.k != nonEmpty {
			continue
		}
		u, ok := f.v.(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			continue
		}
		if l.field < 0 {
			if sameValue(u.X, l.base, 4) {
				return true
			}
			continue
		}
		if fa, ok := u.X.(*ssa.FieldAddr); ok && fa.Field == l.field && sameValue(fa.X, l.base, 4) {
			return true
		}
	}
	return false
}

// paramIndex returns the index of p among fn's parameters, or -1.
func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// neverBefore reports whether u cannot run before at in any execution of
// their function: u is at itself, or at's block cannot be reached from
// u's (u after at in the same block, outside any cycle).
func neverBefore(u, at ssa.Instruction) bool {
	if u == at {
		return true
	}
	ub, ab := u.Block(), at.Block()
	if ub == nil || ab == nil || ub.Parent() != ab.Parent() {
		return false
	}
	if ub == ab && indexOf(ub, u) < indexOf(ab, at) {
		return false
	}
	return !reaches(ub, ab)
}

// reaches reports whether to can be reached from from's successors.
func reaches(from, to *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}
