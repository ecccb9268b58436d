// Package outer exercises the inner maps of a map of maps held in an
// unexported field or package variable that the package never fills
// (issue 11, item 7), beside twins that fill it.
package outer

type index struct {
	byKind map[string]map[string]bool
}

func newIndex() *index {
	return &index{byKind: map[string]map[string]bool{}}
}

func (x *index) add(kind, name string) {
	x.byKind[kind][name] = true // want `write to map x.byKind\[kind\], which is nil here: every lookup in x.byKind is nil: nothing in the package stores into the outer map in field byKind at outer.go:15`
}

func (x *index) has(kind, name string) bool {
	return x.byKind[kind][name]
}

type indexTwin struct {
	byKind map[string]map[string]bool
}

func newIndexTwin() *indexTwin {
	return &indexTwin{byKind: map[string]map[string]bool{}}
}

func (x *indexTwin) add(kind, name string) {
	inner := x.byKind[kind]
	if inner == nil {
		inner = map[string]bool{}
		x.byKind[kind] = inner
	}
	inner[name] = true
}

func (x *indexTwin) addKnown(kind, name string) {
	x.byKind[kind][name] = true // filled elsewhere in the package: trusted
}

var seen = map[string]map[string]int{}

func count(a, b string) {
	seen[a][b]++ // want `write to map seen\[a\], which is nil here: every lookup in seen is nil: nothing in the package stores into the outer map in package variable seen at outer.go:43`
}

var seenTwin = map[string]map[string]int{}

func countTwin(a, b string) {
	if seenTwin[a] == nil {
		seenTwin[a] = map[string]int{}
	}
	seenTwin[a][b]++
}

// Handed to a helper, which may fill it: trusted.
var shared = map[string]map[string]int{}

func fill(m map[string]map[string]int) { m["x"] = map[string]int{} }

func countShared(a, b string) {
	fill(shared)
	shared[a][b]++
}
