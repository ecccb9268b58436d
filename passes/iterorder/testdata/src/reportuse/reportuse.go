// Package reportuse shows the order reportlib returns: in a field of a
// struct result, and through an interface this package declares for what
// it is given (the shape of prometheus web/api/v1, whose
// alertmanagerRetriever is implemented by *notifier.Manager).
package reportuse

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"reportlib"
)

// The field that holds the order, printed.
func PrintNames(w io.Writer, m map[string]int) { // want PrintNames:`sinks\(1: written to w\)`
	r := reportlib.Build(m) // want `the field Names of the result of reportlib.Build, built in map order and returned unsorted, is written to w unsorted`
	fmt.Fprintln(w, strings.Join(r.Names, ","))
}

// The whole struct, encoded.
func Encode(w io.Writer, m map[string]int) error { // want Encode:`sinks\(1: encoded by json.NewEncoder\(w\).Encode\)`
	r := reportlib.Build(m) // want `the field Names of the result of reportlib.Build, built in map order and returned unsorted, is encoded`
	return json.NewEncoder(w).Encode(r)
}

// Silent twins: another field printed, the list sorted first, the list
// used as a set.
func PrintTitle(w io.Writer, m map[string]int) { // want PrintTitle:`sinks\(1: written to w\)`
	r := reportlib.Build(m)
	fmt.Fprintln(w, r.Title, r.Count)
}

func PrintSortedNames(w io.Writer, m map[string]int) { // want PrintSortedNames:`sinks\(1: written to w\)`
	r := reportlib.Build(m)
	slices.Sort(r.Names)
	fmt.Fprintln(w, strings.Join(r.Names, ","))
}

func Known(m map[string]int, name string) bool {
	r := reportlib.Build(m)
	return slices.Contains(r.Names, name)
}

// peerSource is what this package needs from what it is given;
// *reportlib.Manager implements it.
type peerSource interface {
	Peers() []string // want Peers:`shownresult\(0\)`
}

type API struct {
	src peerSource
}

// Through the interface, the list is printed.
func (a *API) WritePeers(w io.Writer) {
	peers := a.src.Peers() // want `the result of reportlib.Manager.Peers \(called through peerSource.Peers\), built in map order and returned unsorted, is written to w unsorted`
	fmt.Fprintln(w, strings.Join(peers, ","))
}

// Silent twins: sorted first; counted.
func (a *API) WriteSortedPeers(w io.Writer) {
	peers := a.src.Peers()
	slices.Sort(peers)
	fmt.Fprintln(w, strings.Join(peers, ","))
}

func (a *API) NumPeers() int {
	return len(a.src.Peers())
}

// An interface declared in another package (reportlib.Lister) is not
// followed: a broad interface declared elsewhere has implementations this
// call may never be given.
func WriteListed(w io.Writer, l reportlib.Lister) { // want WriteListed:`sinks\(1: written to w\)`
	fmt.Fprintln(w, strings.Join(l.Peers(), ","))
}
