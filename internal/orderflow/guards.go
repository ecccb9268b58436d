package orderflow

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A Cond is a condition that an If of the SSA tests, as the source writes
// it in an if statement or a switch case.
type Cond struct {
	// Expr is an operand of &&, || and ! in an if's condition (go/ssa
	// branches on each), or the expression of a case.
	Expr ast.Expr
	// Tag is the tag of the switch when Expr is a case of a switch with
	// one: the If tests Tag == Expr.
	Tag ast.Expr
	// Holds says which edge of the If: the one where the test is true, or
	// the one where it is false.
	Holds bool
}

// A Guard is what holds in a block because of the edges that enter it:
// the edge of an If that is its only way in (one Cond), or a join whose
// every way in is an edge of an If (if a || b { ... }, case x, y: one of
// the Conds holds).
type Guard []Cond

// A leaf is a condition written in an if or a case, tested by one If.
type leaf struct {
	expr, tag ast.Expr
}

// guardIndex is what Guards reads: the package's SSA built with debug
// references, so that a statement that computes nothing (x = v, with x a
// local variable) still has a position in a block, and the Ifs of the
// conditions of each region asked about.
type guardIndex struct {
	instrs  []located
	regions map[ast.Node]map[*ssa.If]leaf
}

// Guards returns the guards under which n runs inside region (the body of
// a loop, a function), from the If edges that dominate the block where n
// starts: the edges of the conditions written in region's if statements
// and switch cases, in the order met going up the dominator tree. An if
// that skips the rest of an iteration (if k != name { continue }) guards
// what follows it; the conditions of loops, selects and type switches,
// and those outside region, are not guards. The SSA is built on the first
// question, with debug references, apart from buildssa's: only
// iterorder's -strict sinks ask.
func (p *Paths) Guards(n, region ast.Node) []Guard {
	g := p.guardIndex()
	b, _ := startOf(within(g.instrs, n))
	if b == nil {
		return nil
	}
	leaves := g.regions[region]
	if leaves == nil {
		leaves = g.leaves(region)
		g.regions[region] = leaves
	}
	var out []Guard
	for x := b; x != nil && x.Idom() != nil; x = x.Idom() {
		if gd := join(x, leaves); gd != nil {
			out = append(out, gd)
		}
	}
	return out
}

func (p *Paths) guardIndex() *guardIndex {
	if p.guards == nil {
		p.guards = &guardIndex{
			instrs:  indexFuncs(buildFuncs(p.pass, p.cfgs, ssa.GlobalDebug)),
			regions: make(map[ast.Node]map[*ssa.If]leaf),
		}
	}
	return p.guards
}

// join returns the guard of block x: the Cond of every edge into it, when
// each comes from an If of a known condition; nil otherwise.
func join(x *ssa.BasicBlock, leaves map[*ssa.If]leaf) Guard {
	var g Guard
	for _, q := range x.Preds {
		ifs, ok := q.Instrs[len(q.Instrs)-1].(*ssa.If)
		l, known := leaves[ifs]
		if !ok || !known || q.Succs[0] == q.Succs[1] {
			return nil
		}
		g = append(g, Cond{Expr: l.expr, Tag: l.tag, Holds: q.Succs[0] == x})
	}
	return g
}

// leaves finds the If of each condition written in region: an operand of
// &&, || and ! in an if's condition, a case's expression.
func (g *guardIndex) leaves(region ast.Node) map[*ssa.If]leaf {
	out := make(map[*ssa.If]leaf)
	add := func(e, tag ast.Expr) {
		if ifs := g.testOf(e); ifs != nil {
			out[ifs] = leaf{e, tag}
		}
	}
	var split func(e ast.Expr)
	split = func(e ast.Expr) {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				split(x.X)
				split(x.Y)
				return
			}
		case *ast.UnaryExpr:
			if x.Op == token.NOT {
				split(x.X)
				return
			}
		}
		add(e, nil)
	}
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			split(n.Cond)
		case *ast.SwitchStmt:
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					add(e, n.Tag) // a case is tested whole, as a value
				}
			}
		}
		return true
	})
	return out
}

// testOf returns the If that tests e: the one ending the block where the
// evaluation of e ends (the block of its instructions that the others
// dominate), or nil.
func (g *guardIndex) testOf(e ast.Expr) *ssa.If {
	var last ssa.Instruction
	for _, i := range within(g.instrs, e) {
		if last == nil || i.Block() != last.Block() && last.Block().Dominates(i.Block()) {
			last = i
		}
	}
	if last == nil {
		return nil
	}
	b := last.Block()
	ifs, _ := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return ifs
}
