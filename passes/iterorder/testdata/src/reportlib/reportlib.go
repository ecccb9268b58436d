// Package reportlib returns map order in a field of a struct, and through
// methods that a consumer reaches by an interface: no caller here shows
// it, so the order is carried to other packages by OrderedResultFact.
package reportlib

// A Report is a title and a list of names.
type Report struct {
	Title string
	Names []string
	Count int
}

// Build returns a report whose Names are in map order (the fact names the
// field); its Title and Count carry no order.
func Build(m map[string]int) *Report { // want Build:`orderedresult\(0.field1\)`
	r := &Report{Title: "names"}
	for k := range m {
		r.Names = append(r.Names, k)
		r.Count++
	}
	return r
}

// A Manager lists the peers it knows, in map order.
type Manager struct {
	peers map[string]bool
}

// Peers returns the peers in map order.
func (m *Manager) Peers() []string { // want Peers:`orderedresult\(0\)`
	var out []string
	for p := range m.peers {
		out = append(out, p)
	}
	return out
}

// A Lister lists peers: an interface declared here, not by its consumer.
type Lister interface {
	Peers() []string
}
