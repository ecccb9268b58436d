// Package helpers exercises slices returned by helpers: an unexported
// helper whose callers all sort the result is silent, one whose caller
// prints it unsorted is reported, and an exported one passes the order
// to its callers in other packages (OrderedResultFact).
package helpers

import (
	"fmt"
	"io"
	"sort"
)

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func SortedNames(m map[string]int) []string {
	names := keys(m)
	sort.Strings(names)
	return names
}

func Total(m map[string]int) int {
	t := 0
	for _, k := range keys(m) {
		t += m[k]
	}
	return t
}

func unsortedKeys(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

func Dump(m map[string]int) {
	for _, k := range unsortedKeys(m) {
		fmt.Println(k)
	}
}

func Keys(m map[string]int) []string { // want Keys:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func valuesOf(m map[string]int) []int {
	var out []int
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// Values hands the result of valuesOf to its own callers.
func Values(m map[string]int) []int { // want Values:`orderedresult\(0\)`
	return valuesOf(m)
}

func escaped(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

var Hook = escaped // used as a value: callers are not all visible

func collect(m map[string]int) ([]string, error) {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out, nil
}

func Collected(m map[string]int) ([]string, error) {
	out, err := collect(m)
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// Names returns the names of m, in no particular order. Its doc's words
// change nothing: no caller in the package shows the list, so the order
// passes to the callers in other packages, which decide.
func Names(m map[string]int) []string { // want Names:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// An unexported helper whose doc says nothing of the order: its callers
// decide (caddy's serverBlock.hostsFromKeys, whose callers sort the hosts
// they keep in a field of the server, or use them as a set).

type logs struct{ SkipHosts []string }

type server struct {
	Logs *logs
	Name string
}

func hostsOf(m map[string]int) []string {
	hosts := make([]string, 0, len(m))
	for h := range m {
		hosts = append(hosts, h)
	}
	return hosts
}

func Servers(blocks []map[string]int) []*server {
	var out []*server
	srv := &server{Logs: &logs{}}
	for _, b := range blocks {
		srv.Logs.SkipHosts = append(srv.Logs.SkipHosts, hostsOf(b)...)
	}
	sort.Strings(srv.Logs.SkipHosts) // sorts the path the hosts went into
	out = append(out, srv)
	return out
}

func Forced(blocks []map[string]int) map[string]bool {
	forced := make(map[string]bool)
	for _, b := range blocks {
		for _, h := range hostsOf(b) {
			forced[h] = true
		}
	}
	return forced
}

// The twin: a caller that puts the hosts into two fields of its struct,
// sorts one of them, and prints both.
func unsortedHostsOf(m map[string]int) []string {
	hosts := make([]string, 0, len(m))
	for h := range m { // want `keys appended to hosts, which is returned unsorted`
		hosts = append(hosts, h)
	}
	return hosts
}

type names struct{ Skip, Other []string }

type host struct{ Names *names }

func PrintHosts(w io.Writer, blocks []map[string]int) { // want PrintHosts:`sinks\(1: written to w\)`
	h := &host{Names: &names{}}
	for _, b := range blocks {
		h.Names.Skip = append(h.Names.Skip, unsortedHostsOf(b)...)
		h.Names.Other = append(h.Names.Other, unsortedHostsOf(b)...)
	}
	sort.Strings(h.Names.Other) // Skip still holds the hosts in map order
	fmt.Fprintln(w, h.Names)
}
