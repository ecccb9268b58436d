// Package orderflow is a helper analyzer on SSA that follows the key and
// value of every range over a map through the loop body and says where map
// order reaches a result that an assignment-by-assignment view of the
// syntax cannot see: maps built first-wins, elements numbered in map order,
// and maximum picks whose ties go to whichever entry comes first. It
// reports nothing; iterorder decides which flows are findings. A range
// over maps.Keys, maps.Values or maps.All of a map is a loop too: go/ssa
// makes its body a yield function whose parameters are the key and value.
//
// The walk follows x/tools' nilness: each function's dominator tree is
// visited once, carrying the facts learnt from the If edges that dominate
// the current block (cond is true on this edge, or false), so that a
// statement's guards are known where it is visited. A branch on a constant
// is dead code: blocks dominated only by its untaken edge are not visited.
// The cost is linear in the size of the function for the walk, plus the
// values derived from each loop's key and value.
//
// Paths (paths.go) answers the path questions iterorder asks at a sink,
// on the same SSA control-flow graph: does the statement run only through
// an edge that a constant condition never takes (dead code), and does
// every path from it end the function in a failure (a non-nil error
// returned, a call that never returns) without coming back to the start of
// a loop around it. It replaced iterorder's walks up the syntax stack
// (isConstant, underConstant, failurePath, neverReturns).
//
// # The rest of item 2 of issue 9
//
// What is still syntax in iterorder, in the order it should move here:
//
//  1. The guards of a statement: moved in part. iterorder's guards,
//     uniqueGuard, minMaxGuard and returns.go's "first match" no longer
//     walk the syntax stack: they ask Paths.Guards for the If edges that
//     dominate the block where the statement starts (guards.go here), so
//     an if that skips the rest of the iteration (if k != name { continue
//     }) now guards what follows it, as the enclosing ifs and cases guard
//     their bodies. The edges are read from a second SSA of the package,
//     built on the first question with ssa.GlobalDebug (x = v into a
//     local variable computes nothing, and without debug references has
//     no instruction to place it in a block), not from loop.guards, which
//     holds buildssa's blocks of loops with flows only. Only -strict sinks
//     ask, so the default run builds nothing more, on roots or on
//     dependencies. Left of step 1: the predicates of match.go (lookup: an
//     element compared with a value not derived from it, an interval that
//     holds it, a call of a function whose body is one such comparison)
//     still read the expression a Cond carries, and the MatchFact they
//     export is still computed from syntax; moving them means comparing SSA
//     values derived from the loop's Next (BinOp EQL, a call with a
//     MatchFact), and MatchFact on dependencies needs SSA there (the cost
//     note below).
//  2. The element-mode sinks: a key or value reaching a print, write,
//     encode, hash, send or return in the body, as flows of their own
//     kinds (the sink rows of internal/apis and SinkFact say which calls),
//     iterorder's policy (sinks.go: which kinds report by default, a
//     destination owned by the element, a hash reset per element) deciding
//     which are findings.
//  3. The order-mode scan after the loop (flow.go, assign.go, fields.go,
//     returns.go): a slice or builder filled in map order, followed to where
//     it is observed or sorted (the Sort rows and SortFact clear the order),
//     and the callers of a function that returns it. This is the largest
//     part, and the one that exports most of iterorder's facts.
//
// What stays syntax, and why: the fix rewrites the range statement (its key
// and value identifiers, the file's Go version), so it needs the
// *ast.RangeStmt; the messages name variables as the source writes them,
// which SSA does not keep (nameTargets maps SSA positions back to the
// syntax for names only); the scope rules (test files, Example functions,
// maplint:ignore directives) are properties of declarations and comments,
// not of the flow.
//
// What each step costs: iterorder's facts (SinkFact, OrderedResultFact,
// ...) come out of the same scans as its diagnostics and are computed on
// every dependency, so whatever those scans ask of SSA must exist there
// too, where the driver skips buildssa unless another pass needs it
// (factsonly.Gate). Paths builds the SSA of such a package itself, on the
// first question; each later step must do the same, or keep its question
// off the dependencies, or pay for buildssa on all of them.
package orderflow

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// Analyzer computes the Result for a package.
var Analyzer = &analysis.Analyzer{
	Name:       "orderflow",
	Doc:        "follow map order through the bodies of map loops (a helper: reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/internal/orderflow",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// A Kind is a way map order reaches a result.
type Kind int

const (
	// FirstWins: an entry of another map is written only when it is
	// absent, under a key computed from the element (not the loop's key
	// itself), so when several elements share a destination the first one
	// visited wins: if _, ok := dst[f(k)]; !ok { dst[f(k)] = v }.
	FirstWins Kind = iota + 1
	// Numbered: a counter incremented in the loop is stored per element
	// (ids[k] = n; n++): each element's number is its place in map order.
	Numbered
	// ArgMaxTie: the element that compares greatest (or least) is kept
	// with a strict comparison and no tie-break (if v > best { best, who =
	// v, k }): among equal elements, the first (or last) visited wins.
	ArgMaxTie
)

// A Flow is one place where a loop's order reaches a result.
type Flow struct {
	Kind   Kind
	Pos    token.Pos // the statement or condition that lets the order through
	Target string    // the map or variable that keeps it, as the source names it ("" if unknown)
}

// A Loop is a range over a map and its flows.
type Loop struct {
	For   token.Pos // the range statement's for keyword
	Flows []Flow
}

// Result holds the loops of a package that have flows, by the position of
// their for keyword.
type Result struct {
	loops map[token.Pos]*Loop
}

// At returns the loop whose range statement starts at pos, or nil.
func (r *Result) At(pos token.Pos) *Loop { return r.loops[pos] }

func run(pass *analysis.Pass) (any, error) {
	res := &Result{loops: make(map[token.Pos]*Loop)}
	for _, fn := range SrcFuncs(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)) {
		funcLoops(pass.TypesInfo, fn, res)
	}
	if len(res.loops) > 0 {
		nameTargets(pass, res)
	}
	return res, nil
}

// nameTargets names the maps that flows write (dst in dst[k] = v) as the
// source writes them: SSA keeps no name for a map made by make.
func nameTargets(pass *analysis.Pass, res *Result) {
	want := make(map[token.Pos]*Flow)
	for _, l := range res.loops {
		for i := range l.Flows {
			if l.Flows[i].Target == "" {
				want[l.Flows[i].Pos] = &l.Flows[i]
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ix, ok := n.(*ast.IndexExpr); ok {
				if fl := want[ix.Lbrack]; fl != nil {
					fl.Target = types.ExprString(ix.X)
				}
			}
			return len(want) > 0
		})
	}
}

// An edge is a fact learnt from a branch: Cond has the value Taken in the
// blocks the edge dominates.
type edge struct {
	cond  ssa.Value
	taken bool
}

// funcLoops finds the map loops of fn and their flows, in one walk of the
// dominator tree.
func funcLoops(info *types.Info, fn *ssa.Function, res *Result) {
	if len(fn.Blocks) == 0 {
		return
	}
	var loops []*loop
	if l := yieldLoop(info, fn); l != nil {
		loops = append(loops, l)
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if next, ok := in.(*ssa.Next); ok && !next.IsString {
				if l := newLoop(fn, next); l != nil {
					loops = append(loops, l)
				}
			}
		}
	}
	if len(loops) == 0 {
		return
	}
	var visit func(b *ssa.BasicBlock, facts []edge)
	visit = func(b *ssa.BasicBlock, facts []edge) {
		for _, l := range loops {
			if l.body[b] {
				l.block(b, facts)
			}
		}
		for _, d := range b.Dominees() {
			f := facts
			if len(d.Preds) == 1 && d.Preds[0] == b {
				if ifs, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
					taken := b.Succs[0] == d
					if c, ok := ifs.Cond.(*ssa.Const); ok {
						if isTrue(c) != taken {
							continue // dead: the constant never takes this edge
						}
					}
					f = append(facts[:len(facts):len(facts)], edge{ifs.Cond, taken})
				}
			}
			visit(d, f)
		}
	}
	visit(fn.Blocks[0], nil)
	for _, l := range loops {
		l.argMax()
		if len(l.flows) > 0 {
			res.loops[l.pos] = &Loop{For: l.pos, Flows: l.flows}
		}
	}
}

// isTrue reports whether the boolean constant c is true.
func isTrue(c *ssa.Const) bool {
	return c.Value != nil && c.Value.Kind() == constant.Bool && constant.BoolVal(c.Value)
}

// isMap reports whether v is a map (also a type parameter whose core type
// is one).
func isMap(v ssa.Value) bool { return apis.IsMap(v.Type()) }

// Loops returns the loops with flows, in source order.
func (r *Result) Loops() []*Loop {
	out := make([]*Loop, 0, len(r.loops))
	for _, l := range r.loops {
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *Loop) int { return cmp.Compare(a.For, b.For) })
	return out
}

func (k Kind) String() string {
	switch k {
	case FirstWins:
		return "FirstWins"
	case Numbered:
		return "Numbered"
	case ArgMaxTie:
		return "ArgMaxTie"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}
