package knownmiss

import (
	"bufio"
	"fmt"
	"sort"
)

type nexEdge struct {
	r   rune
	dst *nexNode
}

type nexNode struct {
	n      int
	set    []int
	e      []*nexEdge
	accept bool
}

func newRuneEdge(v, dst *nexNode, r rune) *nexEdge {
	e := &nexEdge{r: r, dst: dst}
	v.e = append(v.e, e)
	return e
}

type runeSlice []rune

func (p runeSlice) Len() int           { return len(p) }
func (p runeSlice) Less(i, j int) bool { return p[i] < p[j] }
func (p runeSlice) Swap(i, j int)      { p[i], p[j] = p[j], p[i] }

// known miss: genDFA is blynn/nex's DFA construction in gen before
// https://github.com/blynn/nex/pull/35 ("Shake out more non-deterministic
// generation"), gathered for stop 34's recall measure: the single-rune
// edges are made in the order of the map sing, which numbers the DFA
// states (the counter of the closure get) and orders each state's edges
// (appended to v.e by newRuneEdge), and the generated lexer differs from
// run to run. The order reaches the output through nodes held in the map
// tab and the slice todo, numbered in a closure and printed from another
// slice indexed by that number: following it needs the heap (which node a
// pointer is), which the pass does not model. genDFAFixed is the fix.
func genDFA(out *bufio.Writer, sing map[rune]bool, next func(v *nexNode, r rune) string) {
	tab := make(map[string]*nexNode)
	dfacount := 0
	var todo []*nexNode
	get := func(key string) *nexNode {
		if res, found := tab[key]; found {
			return res
		}
		res := &nexNode{n: dfacount}
		dfacount++
		tab[key] = res
		todo = append(todo, res)
		return res
	}
	get("start")
	for len(todo) > 0 {
		v := todo[len(todo)-1]
		todo = todo[0 : len(todo)-1]
		// Singles.
		for r := range sing {
			newRuneEdge(v, get(next(v, r)), r)
		}
	}

	sorted := make([]*nexNode, dfacount)
	for _, v := range tab {
		sorted[v.n] = v
	}
	for i, v := range sorted {
		fmt.Fprintf(out, "\t\tcase %d:\n", i)
		for _, e := range v.e {
			fmt.Fprintf(out, "\t\t\tcase %d: return %d\n", e.r, e.dst.n)
		}
	}
}

// genDFAFixed is the fix: the runes are sorted before the edges are made.
func genDFAFixed(out *bufio.Writer, sing map[rune]bool, next func(v *nexNode, r rune) string) {
	tab := make(map[string]*nexNode)
	dfacount := 0
	var todo []*nexNode
	get := func(key string) *nexNode {
		if res, found := tab[key]; found {
			return res
		}
		res := &nexNode{n: dfacount}
		dfacount++
		tab[key] = res
		todo = append(todo, res)
		return res
	}
	get("start")
	for len(todo) > 0 {
		v := todo[len(todo)-1]
		todo = todo[0 : len(todo)-1]
		var runes []rune
		for r := range sing {
			runes = append(runes, r)
		}
		sort.Sort(runeSlice(runes))
		for _, r := range runes {
			newRuneEdge(v, get(next(v, r)), r)
		}
	}

	sorted := make([]*nexNode, dfacount)
	for _, v := range tab {
		sorted[v.n] = v
	}
	for i, v := range sorted {
		fmt.Fprintf(out, "\t\tcase %d:\n", i)
		for _, e := range v.e {
			fmt.Fprintf(out, "\t\t\tcase %d: return %d\n", e.r, e.dst.n)
		}
	}
}
