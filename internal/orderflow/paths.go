package orderflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// Paths answers two questions about the paths through a statement of the
// package, from its SSA control-flow graph rather than the syntax around
// it: does the statement run only through a branch that a constant
// condition never takes (dead code), and does every path from it end the
// function in a failure (an error returned, a call that never returns)
// without coming back to the start of a loop.
type Paths struct {
	pass    *analysis.Pass
	ssa     *buildssa.SSA
	cfgs    *ctrlflow.CFGs
	indexed bool
	instrs  []located // every instruction with a position, by position
	// the answers given so far: the scans of iterorder ask again for
	// the same statement
	dead, failing map[ast.Node]bool
	guards        *guardIndex // built on the first Guards question
}

type located struct {
	pos token.Pos
	in  ssa.Instruction
}

// NewPaths returns the Paths of pass's package, read from s, the result
// of buildssa, with cfgs, ctrlflow's, saying which functions never return
// (the NoReturn rows of internal/apis are read as well). s may be nil: a
// driver that analyses a dependency only for its facts skips buildssa
// there unless a pass's gate needs it (see factsonly.Gate), and most
// dependencies never ask a path question. The SSA is then built, as
// buildssa builds it, on the first question.
func NewPaths(pass *analysis.Pass, s *buildssa.SSA, cfgs *ctrlflow.CFGs) *Paths {
	return &Paths{pass: pass, ssa: s, cfgs: cfgs, dead: make(map[ast.Node]bool), failing: make(map[ast.Node]bool)}
}

// index indexes the instructions of the package's functions (closures,
// those of package-level variable initializers, and range-over-func bodies
// included: see SrcFuncs), on the first question.
func (p *Paths) index() {
	if p.indexed {
		return
	}
	p.indexed = true
	var fns []*ssa.Function
	if p.ssa != nil {
		fns = SrcFuncs(p.ssa)
	} else {
		fns = buildFuncs(p.pass, p.cfgs, 0)
	}
	p.instrs = indexFuncs(fns)
}

// indexFuncs returns every instruction with a position of fns, a list
// that holds every function's closures as SrcFuncs's does, by position.
func indexFuncs(fns []*ssa.Function) []located {
	var instrs []located
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if pos := in.Pos(); pos.IsValid() {
					instrs = append(instrs, located{pos, in})
				}
				if c, ok := in.(ssa.CallInstruction); ok && c.Common().Pos() != in.Pos() && c.Common().Pos().IsValid() {
					// go f(x) and defer f(x) are placed at their keyword;
					// the call itself at its parenthesis.
					instrs = append(instrs, located{c.Common().Pos(), in})
				}
			}
		}
	}
	slices.SortStableFunc(instrs, func(a, b located) int { return int(a.pos - b.pos) })
	return instrs
}

// buildFuncs builds the SSA of pass's package as buildssa does (with
// mode's options), and returns the functions SrcFuncs would.
func buildFuncs(pass *analysis.Pass, cfgs *ctrlflow.CFGs, mode ssa.BuilderMode) []*ssa.Function {
	prog := ssa.NewProgram(pass.Fset, mode)
	prog.SetNoReturn(cfgs.NoReturn)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	return declaredFuncs(pkg, pass.Files, pass.TypesInfo)
}

// at returns the block where the execution of n starts, and the index of
// its first instruction from n there: among the instructions positioned
// in n, of the innermost function around n, the one whose block
// dominates the others'. It returns nil when n has no instruction.
func (p *Paths) at(n ast.Node) (*ssa.BasicBlock, int) {
	p.index()
	return startOf(within(p.instrs, n))
}

// within returns the instructions of instrs positioned in n, of the
// innermost function around n (closures inside n left out).
func within(instrs []located, n ast.Node) []ssa.Instruction {
	lo, _ := slices.BinarySearchFunc(instrs, n.Pos(), func(l located, pos token.Pos) int { return int(l.pos - pos) })
	var fn *ssa.Function
	var in []ssa.Instruction
	for k := lo; k < len(instrs) && instrs[k].pos < n.End(); k++ {
		l := instrs[k]
		f := l.in.Parent()
		if syn := f.Syntax(); syn != nil && syn.Pos() >= n.Pos() && syn.End() <= n.End() {
			// A closure or range-over-func body inside n: skip it.
			next, _ := slices.BinarySearchFunc(instrs[k:], syn.End(), func(l located, pos token.Pos) int { return int(l.pos - pos) })
			k += max(next, 1) - 1
			continue
		}
		if fn == nil || inside(f, fn) {
			fn, in = f, in[:0]
		}
		if f == fn {
			in = append(in, l.in)
		}
	}
	return in
}

// startOf returns the block of in, instructions of one function, that
// dominates the others', and the index there of the first of in; nil when
// in is empty.
func startOf(in []ssa.Instruction) (*ssa.BasicBlock, int) {
	var first ssa.Instruction
	for _, i := range in {
		if first == nil || i.Block() != first.Block() && i.Block().Dominates(first.Block()) {
			first = i
		}
	}
	if first == nil {
		return nil, 0
	}
	for _, i := range in {
		if i.Block() == first.Block() && index(i) < index(first) {
			first = i
		}
	}
	return first.Block(), index(first)
}

// inside reports whether f is a function nested in g.
func inside(f, g *ssa.Function) bool {
	for x := f.Parent(); x != nil; x = x.Parent() {
		if x == g {
			return true
		}
	}
	return false
}

func index(in ssa.Instruction) int {
	return slices.Index(in.Block().Instrs, in)
}

// Dead reports whether n runs only through the edge of a branch that its
// constant condition never takes (if debug { ... } with const debug =
// false; switch { case false: ... }).
func (p *Paths) Dead(n ast.Node) bool { return memo(p.dead, n, p.isDead) }

// memo returns m[n], computed by f the first time.
func memo(m map[ast.Node]bool, n ast.Node, f func(ast.Node) bool) bool {
	v, ok := m[n]
	if !ok {
		v = f(n)
		m[n] = v
	}
	return v
}

func (p *Paths) isDead(n ast.Node) bool {
	b, _ := p.at(n)
	for e := range dominatingEdges(b) {
		if c, ok := e.cond.(*ssa.Const); ok && isTrue(c) != e.taken {
			return true
		}
	}
	return false
}

// dominatingEdges yields the facts that hold in b because of the If edges
// that dominate it: each edge from an If's block to a successor whose
// only predecessor it is, on the way up b's dominator tree.
func dominatingEdges(b *ssa.BasicBlock) iter.Seq[edge] {
	return func(yield func(edge) bool) {
		for x := b; x != nil && x.Idom() != nil; x = x.Idom() {
			d := x.Idom()
			if len(x.Preds) != 1 || x.Preds[0] != d {
				continue
			}
			if ifs, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok && !yield(edge{ifs.Cond, d.Succs[0] == x}) {
				return
			}
		}
	}
}

// Failing reports whether every path from n ends the function in a
// failure: a return of a non-nil error (not the error of an encoder or
// writer call, which is the output itself), a panic, or a call that never
// returns; a path that comes back to the start of a loop, or returns
// without an error, does not fail.
func (p *Paths) Failing(n ast.Node) bool { return memo(p.failing, n, p.isFailing) }

func (p *Paths) isFailing(n ast.Node) bool {
	start, i := p.at(n)
	if start == nil {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	var fails func(b *ssa.BasicBlock, from int) bool
	fails = func(b *ssa.BasicBlock, from int) bool {
		if seen[b] {
			return true // visited, or a loop after n: judged on its other paths
		}
		seen[b] = true
		for _, in := range b.Instrs[from:] {
			switch in := in.(type) {
			case *ssa.Panic:
				return true
			case *ssa.Call:
				if p.neverReturns(&in.Call) {
					return true
				}
			case *ssa.Return:
				return p.failingReturn(in)
			}
		}
		for _, s := range b.Succs {
			if s.Dominates(start) || !fails(s, 0) {
				return false // back to the start of a loop around n, or an exit that is no failure
			}
		}
		return len(b.Succs) > 0
	}
	return fails(start, i)
}

// neverReturns reports whether the callee of c never returns.
func (p *Paths) neverReturns(c *ssa.CallCommon) bool { return apis.NeverReturns(p.cfgs, c) }

// failingReturn reports whether ret returns a non-nil error: one of its
// results, or, in a range-over-func body, a result of the enclosing
// function stored before it (return err in the loop body).
func (p *Paths) failingReturn(ret *ssa.Return) bool {
	vals := slices.Clone(ret.Results)
	if ret.Parent().Parent() != nil && ret.Parent().Synthetic != "" {
		for _, in := range ret.Block().Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if _, ok := st.Addr.(*ssa.FreeVar); ok {
					vals = append(vals, st.Val)
				}
			}
		}
	}
	for _, v := range vals {
		if p.failure(ret, storedBefore(ret, v), 0) {
			return true
		}
	}
	return false
}

// failure reports whether v, returned by ret, is an error that makes ret
// a failure: any error but nil, the error of an encoder or writer (the
// output itself: return enc.Encode(v)), and the error of a call with
// several results passed on unchecked (return f(); _, err := w.Write(b);
// return err), which is nil when the call succeeds. An error checked
// non-nil on the way to ret (if err != nil { return err }) is a failure
// whatever made it.
func (p *Paths) failure(ret *ssa.Return, v ssa.Value, depth int) bool {
	if !isError(v.Type()) || isNil(v) {
		return false
	}
	if CheckedNonNil(ret.Block(), v) {
		return true
	}
	if p.outputCall(v) {
		return false
	}
	for {
		c, ok := v.(*ssa.ChangeInterface)
		if !ok {
			break
		}
		v = c.X
	}
	switch x := v.(type) {
	case *ssa.Extract:
		return false
	case *ssa.UnOp:
		// A named result kept in memory (for a deferred call), stored
		// elsewhere: what it holds here is not known.
		_, local := x.X.(*ssa.Alloc)
		return !local
	case *ssa.Phi:
		if depth > 4 {
			return false
		}
		for _, e := range x.Edges {
			if !p.failure(ret, e, depth+1) {
				return false
			}
		}
	}
	return true
}

// CheckedNonNil reports whether b runs only where v != nil held: under
// the edge of an If on v != nil (or v == nil) that says so.
func CheckedNonNil(b *ssa.BasicBlock, v ssa.Value) bool {
	for e := range dominatingEdges(b) {
		cmp, ok := e.cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			continue
		}
		if (cmp.X == v && isNil(cmp.Y) || cmp.Y == v && isNil(cmp.X)) && (cmp.Op == token.NEQ) == e.taken {
			return true
		}
	}
	return false
}

// storedBefore returns, for a result loaded from a variable (a named
// result kept in memory for a deferred call), the value last stored to it
// in ret's block; otherwise v.
func storedBefore(ret *ssa.Return, v ssa.Value) ssa.Value {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return v
	}
	for _, in := range ret.Block().Instrs {
		if st, ok := in.(*ssa.Store); ok && st.Addr == ld.X && st.Pos() <= ret.Pos() {
			v = st.Val
		}
	}
	return v
}

// isNil reports whether v is a nil constant, also converted to an
// interface.
func isNil(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.Const:
			return x.IsNil()
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return false
		}
	}
}

// outputCall reports whether v is the result of a call that encodes or
// writes (return json.NewEncoder(w).Encode(out)).
func (p *Paths) outputCall(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Extract:
			v = x.Tuple
		case *ssa.Call:
			fn := apis.Callee(&x.Call)
			if fn == nil {
				return false
			}
			_, enc := apis.Find(fn, apis.Encode)
			_, out := apis.Find(fn, apis.Output)
			return enc || out
		default:
			return false
		}
	}
}

// isError reports whether t implements error (as a type, or through a
// pointer to it).
func isError(t types.Type) bool {
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	return types.Implements(t, errType) || !types.IsInterface(t) && types.Implements(types.NewPointer(t), errType)
}
