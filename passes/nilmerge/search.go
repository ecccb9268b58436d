package nilmerge

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// checker holds what one run knows about the package: summaries of its
// functions and which fields and package variables it ever assigns.
type checker struct {
	pass    *analysis.Pass
	ssa     *buildssa.SSA
	sums    map[*ssa.Function]*summary // nil while being computed
	pkgInfo *pkgWrites
	cfgs    *ctrlflow.CFGs
	callers map[*ssa.Function][]*ssa.Call // static calls in this package, by callee (a generic one by its origin: apis.StaticCallee)
	ctors   map[*types.TypeName][]*ssa.Function

	noReturnIDs []string // Config.NoReturn, split
	filled      map[outerKey]bool
	outer       bool // Config.Outer
	outerPath   bool // Config.OuterPath
}

func newChecker(pass *analysis.Pass, s *buildssa.SSA) *checker {
	a := &checker{pass: pass, ssa: s, sums: make(map[*ssa.Function]*summary), ctors: make(map[*types.TypeName][]*ssa.Function)}
	a.cfgs, _ = pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	a.pkgInfo = scanWrites(pass, s)
	a.callers = make(map[*ssa.Function][]*ssa.Call)
	for _, fn := range s.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					if callee := apis.StaticCallee(&call.Call); callee != nil {
						a.callers[callee] = append(a.callers[callee], call)
					}
				}
			}
		}
	}
	return a
}

// maxSteps bounds the search from one write; past it the write is assumed
// safe.
const maxSteps = 2000

type searchState struct {
	onPath map[*ssa.Phi]bool
	steps  int
	// madeInLoop is set while the path has come through a join where
	// another edge brings a non-nil map: the map may be made in the loop
	// before this write on an earlier iteration ("if i%n == 0 { m =
	// make(...) }", "if first { ... }"), which this analysis cannot count.
	madeInLoop bool
	inParam    map[*ssa.Function]bool // functions whose callers are being searched
}

// writeMayBeNil returns where the map of w comes from when it may be nil on
// a feasible path reaching w, and nil otherwise.
func (a *checker) writeMayBeNil(w *write) *origin {
	b := w.instr.Block()
	if a.dead(b) {
		return nil
	}
	if o := a.nilTested(w); o != nil {
		return o
	}
	// The write is reported when a nil reaches it on the paths of any
	// one of its contexts (see contexts).
	outer := closureFacts(a, w.instr.Parent())
	for _, facts := range a.contexts(b, 2) {
		facts = append(facts, outer...)
		if w.src != nil {
			// maps.Copy(dst, src) writes nothing when src is empty.
			facts = append(facts, fact{w.src, nonEmpty})
		}
		if !consistent(facts) {
			continue // this way to the write is infeasible
		}
		if o, _ := a.search(w.m, facts, &searchState{onPath: make(map[*ssa.Phi]bool)}); o != nil {
			return o
		}
	}
	return nil
}

// closureFacts returns, for a function literal, the facts that hold where
// its enclosing function makes it (a closure made inside if db.m != nil
// { ... } writes db.m knowing it is not nil), when it is made at one
// place; a closure called later, after the map changed, is then trusted.
// badger's (*DB).captureDiscardStats writes its never-assigned test-only
// map from an Iterate callback made under that test.
func closureFacts(a *checker, fn *ssa.Function) []fact {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var site *ssa.MakeClosure
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if site != nil {
					return nil
				}
				site = mc
			}
		}
	}
	if site == nil {
		return nil
	}
	return domFacts(a, site.Block())
}

// contexts returns the ways to reach b, as the facts that hold on each: the
// facts of the branches that dominate b, and, at the nearest join (a block
// with several predecessors, not a loop header), one alternative per
// predecessor. So after "if kind == a || kind == b { ... }" the write is
// considered once with kind == a and once with kind == b, rather than with
// neither fact.
func (a *checker) contexts(b *ssa.BasicBlock, depth int) [][]fact {
	var base []fact
	for x := b; x != nil; x = x.Idom() {
		if p := a.singleLivePred(x); p != nil {
			base = append(base, edgeFacts(p, x)...)
			continue
		}
		if p := a.loopEntry(x); p != nil {
			base = append(base, edgeFacts(p, x)...)
			continue
		}
		var live []*ssa.BasicBlock
		for _, p := range x.Preds {
			if !a.dead(p) {
				live = append(live, p)
			}
		}
		if depth == 0 || isLoopHeader(x) || len(live) < 2 || len(live) > 4 {
			continue
		}
		var alts [][]fact
		for _, p := range live {
			for _, ctx := range a.contexts(p, depth-1) {
				alt := append(append(append([]fact(nil), base...), edgeFacts(p, x)...), ctx...)
				alts = append(alts, alt)
			}
		}
		return alts
	}
	return [][]fact{base}
}

// search returns the origin of a nil that v may hold under facts (the path
// conditions that hold where v is used), with the facts of the path on
// which it was found.
func (a *checker) search(v ssa.Value, facts []fact, st *searchState) (*origin, []fact) {
	st.steps++
	if st.steps > maxSteps {
		return nil, nil
	}
	facts = append(facts[:len(facts):len(facts)], fact{v, isNil})
	if !consistent(facts) {
		return nil, nil
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return &origin{kind: fromVar}, facts
		}
	case *ssa.Phi:
		return a.phiSource(v, facts, st)
	case *ssa.ChangeType:
		return a.search(v.X, facts, st)
	case *ssa.Field:
		// o := defaults(); o.Labels[k] = v, with o a value: the field of
		// the struct a helper returned by value (returned.go).
		if madeByCall(v.X) {
			if o := a.returnedField(v.X, v.Field); o != nil {
				return o, facts
			}
		}
	case *ssa.Parameter:
		return a.paramSource(v, facts, st)
	case *ssa.UnOp:
		if o := a.loadSource(v); o != nil {
			return o, facts
		}
		return a.storedSource(v, facts, st)
	case *ssa.Call:
		if r, ok := apis.Of(&v.Call, apis.NilIfNil); ok {
			// maps.Clone(x) is nil exactly when x is: the fact that
			// the call is nil becomes the fact that x is.
			if x := apis.Arg(&v.Call, r.Arg); x != nil {
				if o, f := a.search(x, facts[:len(facts)-1], st); o != nil {
					return &origin{pos: v.Pos(), why: "returned by " + funcName(apis.Callee(&v.Call)) + " of a map that is nil on this path", kind: fromCall}, f
				}
			}
			return nil, nil
		}
		if o := a.callSource(v, 0, facts, st); o != nil {
			return o, facts
		}
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			if o := a.callSource(t, v.Index, facts, st); o != nil {
				return o, facts
			}
		case *ssa.Lookup:
			if v.Index == 0 {
				if o := a.lookupSource(t); o != nil {
					return o, facts
				}
			}
		case *ssa.TypeAssert:
			if v.Index == 0 {
				return failedAssert(t, facts)
			}
		}
	case *ssa.Lookup:
		if o := a.lookupSource(v); o != nil {
			return o, facts
		}
	}
	return nil, nil
}

// phiSource searches each live incoming edge of a φ-node, with the facts
// translated onto the edge and those the edge's branch and dominators add.
func (a *checker) phiSource(v *ssa.Phi, facts []fact, st *searchState) (*origin, []fact) {
	if st.onPath[v] {
		return nil, nil
	}
	st.onPath[v] = true
	defer delete(st.onPath, v)
	B := v.Block()
	header := isLoopHeader(B)
	made := !header && slices.ContainsFunc(v.Edges, neverNil)
	for i, e := range v.Edges {
		p := B.Preds[i]
		if a.dead(p) {
			continue
		}
		if header && st.madeInLoop && !B.Dominates(p) {
			// The nil from before the loop meets a map made in the
			// loop: trust the programmer's first-iteration logic (a
			// known miss when it is wrong).
			continue
		}
		saved := st.madeInLoop
		st.madeInLoop = saved || made
		ef := translate(facts, B, i, p)
		ef = append(ef, edgeFacts(p, B)...)
		ef = dedup(append(ef, domFacts(a, p)...))
		o, f := a.search(e, ef, st)
		st.madeInLoop = saved
		if o != nil {
			return o, f
		}
	}
	return nil, nil
}

// lookupSource says why the inner map m[k] of a map of maps is nil, if it
// is: an inner map nothing stores (innerSource, outerSource) or, with
// -outerpath, one that nothing on the path ensures (outerPathSource).
func (a *checker) lookupSource(l *ssa.Lookup) *origin {
	if o := a.innerSource(l); o != nil {
		return o
	}
	if o := a.outerSource(l); o != nil {
		return o
	}
	return a.outerPathSource(l)
}

// fold returns the constant value of v on the i-th edge into B, when v is
// a constant, a φ-node of B with a constant on that edge, or an arithmetic
// or comparison operation on such values; otherwise nil.
func fold(v ssa.Value, B *ssa.BasicBlock, i int, depth int) constant.Value {
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value
	case *ssa.Phi:
		if v.Block() == B {
			if c, ok := v.Edges[i].(*ssa.Const); ok {
				return c.Value
			}
		}
	case *ssa.BinOp:
		if depth == 0 {
			return nil
		}
		x := fold(v.X, B, i, depth-1)
		if x == nil {
			return nil
		}
		if (v.Op == token.REM || v.Op == token.QUO) && x.Kind() == constant.Int && constant.Sign(x) == 0 {
			return x // 0 % n and 0 / n are 0 (or panic)
		}
		y := fold(v.Y, B, i, depth-1)
		if y == nil || x.Kind() == constant.Unknown || y.Kind() == constant.Unknown {
			return nil
		}
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if x.Kind() == y.Kind() || (x.Kind() == constant.Int || x.Kind() == constant.Float) && (y.Kind() == constant.Int || y.Kind() == constant.Float) {
				return constant.MakeBool(constant.Compare(x, v.Op, y))
			}
		case token.ADD, token.SUB, token.MUL:
			if x.Kind() == constant.Int && y.Kind() == constant.Int {
				return constant.BinaryOp(x, v.Op, y)
			}
		case token.REM:
			if x.Kind() == constant.Int && y.Kind() == constant.Int && constant.Sign(y) != 0 {
				return constant.BinaryOp(x, v.Op, y)
			}
		}
	}
	return nil
}

// dedup removes repeated facts (the dominators of successive edges share
// most of their facts), keeping the first of each.
func dedup(fs []fact) []fact {
	seen := make(map[fact]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// neverNil reports whether v is a map that is never nil.
func neverNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeMap:
		return true
	case *ssa.Call:
		_, ok := apis.Of(&v.Call, apis.NonNilMap)
		return ok
	}
	return false
}

// translate carries facts that hold at the start of block B back over its
// i-th incoming edge: a fact about a φ-node of B becomes a fact about the
// value on that edge. Over a loop's back edge, facts about other values
// defined inside the loop belonged to the next iteration and are dropped.
func translate(facts []fact, B *ssa.BasicBlock, i int, p *ssa.BasicBlock) []fact {
	back := B.Dominates(p)
	out := make([]fact, 0, len(facts)+4)
	for _, f := range facts {
		if phi, ok := f.v.(*ssa.Phi); ok && phi.Block() == B {
			out = append(out, fact{phi.Edges[i], f.k})
			continue
		}
		if bin, ok := f.v.(*ssa.BinOp); ok {
			// "i == 0" about a loop counter i, on the loop's entry edge.
			if c := fold(bin, B, i, 3); c != nil && c.Kind() == constant.Bool {
				out = append(out, fact{ssa.NewConst(c, types.Typ[types.Bool]), f.k})
				continue
			}
		}
		if back {
			if instr, ok := f.v.(ssa.Instruction); ok && instr.Block() != nil && B.Dominates(instr.Block()) {
				continue
			}
		}
		out = append(out, f)
		if x := storedOnEdge(f.v, B, p); x != nil {
			out = append(out, fact{x, f.k})
		}
	}
	return out
}

// isMapLike reports whether t is a map or a type parameter whose type set
// holds only maps.
func isMapLike(t types.Type) bool { return apis.IsMap(t) }
