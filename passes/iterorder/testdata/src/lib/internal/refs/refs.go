// Package refs is internal: its exported functions are called only by the
// module's own packages, which this run cannot see. Returning map order is
// left to them; what the package itself prints is still reported.
package refs

import "fmt"

type Ref struct {
	ID   int64
	Name string
}

func Children(m map[int64]string) []Ref {
	var out []Ref
	for id, name := range m {
		out = append(out, Ref{id, name})
	}
	return out
}

func children(m map[int64]string) []Ref {
	var out []Ref
	for id, name := range m {
		out = append(out, Ref{id, name})
	}
	return out
}

// Wrap returns what children returns: also left to its callers.
func Wrap(m map[int64]string) []Ref { return children(m) }

func Print(m map[int64]string) {
	for id, name := range m { // want `keys printed by fmt.Println`
		fmt.Println(id, name)
	}
}

// Dump is text, output in itself: reported.
func Dump(m map[int64]string) string {
	s := ""
	for id, name := range m { // want `keys concatenated onto s, which is returned unsorted`
		s += fmt.Sprint(id, name)
	}
	return s
}

type Node struct{ Children []Ref }

// Tree returns a struct that holds a list: data, left to the callers.
func Tree(m map[int64]string) *Node {
	n := &Node{}
	for id, name := range m {
		n.Children = append(n.Children, Ref{id, name})
	}
	return n
}
