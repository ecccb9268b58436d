// Package flows exercises the flows orderflow finds, each next to its
// order-free twin.
package flows

import (
	"fmt"
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// FirstWins keeps, for each lower-cased name, whichever spelling comes
// first: with "Go" and "go" in m, the result changes from run to run.
func FirstWins(m map[string]int) map[string]string {
	dst := make(map[string]string)
	for k := range m { // want `FirstWins dst`
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = k
		}
	}
	return dst
}

// FirstWinsNil is the same with a lookup compared with the zero value.
func FirstWinsNil(m map[string]*int) map[string]*int {
	dst := make(map[string]*int)
	for k, v := range m { // want `FirstWins dst`
		name := strings.ToLower(k)
		if dst[name] == nil {
			dst[name] = v
		}
	}
	return dst
}

// SetOfDerived only records which destinations exist: order-free.
func SetOfDerived(m map[string]int) map[string]bool {
	dst := make(map[string]bool)
	for k := range m {
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = true
		}
	}
	return dst
}

// SameKey writes under the loop's own key: each key once, order-free.
func SameKey(m map[string]int, dst map[string]int) {
	for k, v := range m {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
}

// Numbered gives each key its place in map order.
func Numbered(m map[string]bool) map[string]int {
	ids := make(map[string]int)
	n := 0
	for k := range m { // want `Numbered ids`
		ids[k] = n
		n++
	}
	return ids
}

type node struct{ ID int }

// NumberedField stores the place in a field of the element.
func NumberedField(m map[string]*node) {
	i := 1
	for _, v := range m { // want `Numbered ID`
		v.ID = i
		i++
	}
}

// Counted only counts: order-free.
func Counted(m map[string]bool) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, "x") {
			n++
		}
	}
	return n
}

// ArgMax keeps the key with the largest count; ties go to the first seen.
func ArgMax(counts map[string]int) string {
	best, who := -1, ""
	for k, c := range counts { // want `ArgMaxTie who`
		if c > best {
			best, who = c, k
		}
	}
	return who
}

// ArgMaxTieBreak breaks ties on the key: order-free.
func ArgMaxTieBreak(counts map[string]int) string {
	best, who := -1, ""
	for k, c := range counts {
		if c > best || c == best && k < who {
			best, who = c, k
		}
	}
	return who
}

// Max keeps only the value: order-free.
func Max(counts map[string]int) int {
	best := -1
	for _, c := range counts {
		if c > best {
			best = c
		}
	}
	return best
}

const debug = false

// Dead numbers under a constant false condition: dead code.
func Dead(m map[string]bool) map[string]int {
	ids := make(map[string]int)
	n := 0
	for k := range m {
		if debug {
			ids[k] = n
		}
		n++
	}
	return ids
}

// FirstWinsKeys is FirstWins over maps.Keys: the body is a yield function.
func FirstWinsKeys(m map[string]int) map[string]string {
	dst := make(map[string]string)
	for k := range maps.Keys(m) { // want `FirstWins dst`
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = k
		}
	}
	return dst
}

// LowerSetKeys only records the lower-cased names: order-free.
func LowerSetKeys(m map[string]int) map[string]bool {
	dst := make(map[string]bool)
	for k := range maps.Keys(m) {
		dst[strings.ToLower(k)] = true
	}
	return dst
}

// SumAndMax sums and keeps the maximum (client-go's workqueue metrics):
// the sum is computed on every path, not kept under the comparison.
func SumAndMax(m map[string]float64) (total, oldest float64) {
	for _, age := range m {
		total += age
		if age > oldest {
			oldest = age
		}
	}
	return total, oldest
}

// Unique fails on a repeated destination (caddy's listener check): no
// entry wins, the duplicate is an error.
func Unique(servers map[string][]string) error {
	seen := make(map[string]string)
	for name, addrs := range servers {
		for _, a := range addrs {
			if other, ok := seen[strings.ToLower(a)]; ok {
				return fmt.Errorf("%s: %s already claimed by %s", name, a, other)
			}
			seen[strings.ToLower(a)] = name
		}
	}
	return nil
}

func load(file string) *node { return &node{ID: len(file)} }

// PerFile loads each destination once (client-go's clientcmd): the value
// depends on the destination only.
func PerFile(m map[string]string) map[string]*node {
	cache := make(map[string]*node)
	for _, file := range m {
		dst := strings.ToLower(file)
		if _, ok := cache[dst]; !ok {
			cache[dst] = load(dst)
		}
	}
	return cache
}

type account struct{ Address string }

// ByAddress keys the destination by a field of the element, its identity:
// not a first-wins merge (go-ethereum's state updates).
func ByAddress(m map[string]*account) map[string]*account {
	dst := make(map[string]*account)
	for _, a := range m {
		if _, ok := dst[a.Address]; !ok {
			dst[a.Address] = a
		}
	}
	return dst
}

// MaxLen keeps the longest length, computed twice: the maximum itself,
// order-free (go-ethereum's devp2p nodeset command).
func MaxLen(m map[string]bool) int {
	maxlength := 0
	for name := range m {
		if len(name) > maxlength {
			maxlength = len(name)
		}
	}
	return maxlength
}

// SumsAndMaxes skips some entries, sums two fields and keeps the maximum
// of each (syncthing's usage report, lib/ur usage_report.go:85): the sums
// are computed on every path that reaches the comparisons, not kept under
// them, and each maximum keeps only the value it compared.
func SumsAndMaxes(m map[string]*usage, skip func(string) bool) (totFiles, maxFiles int, totBytes, maxBytes int64) {
	for id, a := range m {
		if skip(id) {
			continue
		}
		totFiles += a.Files
		totBytes += a.Bytes
		if a.Files > maxFiles {
			maxFiles = a.Files
		}
		if a.Bytes > maxBytes {
			maxBytes = a.Bytes
		}
	}
	return totFiles, maxFiles, totBytes, maxBytes
}

// SumAndArgMax keeps, next to its sums, the id of the largest entry: ties
// go to the first visited.
func SumAndArgMax(m map[string]*usage, skip func(string) bool) (totBytes int64, biggest string) {
	var maxBytes int64
	for id, a := range m { // want `ArgMaxTie biggest`
		if skip(id) {
			continue
		}
		totBytes += a.Bytes
		if a.Bytes > maxBytes {
			maxBytes, biggest = a.Bytes, id
		}
	}
	return totBytes, biggest
}

type usage struct {
	Files int
	Bytes int64
}

// BestCountingTies keeps the first key of the best presence and counts
// the keys tied with it, and chooses among them when there are several:
// the kept key is the answer only when the count says no other tied with
// it. The shape of ipfs/boxo v0.43.0,
// bitswap/client/internal/session/sessionwantsender.go:714-750
// (wantInfo.calculateBestPeer): order-free.
func BestCountingTies(presence map[string]int, choose func(map[string]int, int) string) string {
	best, bestKey, count := 0, "", 0
	for k, p := range presence {
		if p > best {
			best = p
			bestKey = k
			count = 1
		} else if p == best {
			count++
		}
	}
	if count > 1 {
		return choose(presence, best)
	}
	return bestKey
}

// BestAndTies counts the ties too, but hands the first of them on with
// the count, whatever it is: ties go to the first seen.
func BestAndTies(presence map[string]int) (string, int) {
	best, bestKey, count := 0, "", 0
	for k, p := range presence { // want `ArgMaxTie bestKey`
		if p > best {
			best = p
			bestKey = k
			count = 1
		} else if p == best {
			count++
		}
	}
	return bestKey, count
}

type wantInfo struct {
	presence map[string]int
	bestPeer string
}

// calculateBestPeer is boxo's own: it stores the first of the best before
// it looks at the count, and stores the chosen one over it when several
// tied: order-free.
func (wi *wantInfo) calculateBestPeer(choose func([]string) string) {
	bestBP, bestPeer, countWithBest := 0, "", 0
	for p, bp := range wi.presence {
		if bp > bestBP {
			bestBP = bp
			bestPeer = p
			countWithBest = 1
		} else if bp == bestBP {
			countWithBest++
		}
	}
	wi.bestPeer = bestPeer
	if bestPeer == "" {
		return
	}
	if countWithBest <= 1 {
		return
	}
	var tied []string
	for p, bp := range wi.presence {
		if bp == bestBP {
			tied = append(tied, p)
		}
	}
	wi.bestPeer = choose(tied)
}

// keepFirstTied stores the first of the best, and only logs the count:
// ties go to the first seen.
func (wi *wantInfo) keepFirstTied() {
	bestBP, bestPeer, countWithBest := 0, "", 0
	for p, bp := range wi.presence { // want `ArgMaxTie bestPeer`
		if bp > bestBP {
			bestBP = bp
			bestPeer = p
			countWithBest = 1
		} else if bp == bestBP {
			countWithBest++
		}
	}
	wi.bestPeer = bestPeer
	if countWithBest > 1 {
		println("tied", countWithBest)
	}
}

// A conn's pending count changes under its lock while requests come and go.
type conn struct {
	mu      sync.Mutex
	pending []int
	inUse   atomic.Int64
}

func (c *conn) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pending)
}

// LeastLoaded picks a connection for the next request (IBM/sarama's
// LeastLoadedBroker): the load is live, and any of the equally loaded
// connections is as good.
func LeastLoaded(conns map[int]*conn) *conn {
	var best *conn
	n := int(^uint(0) >> 1)
	for _, c := range conns {
		if c.Pending() < n {
			n, best = c.Pending(), c
		}
	}
	return best
}

// LeastInUse ranks on an atomic counter: live too.
func LeastInUse(conns map[int]*conn) *conn {
	var best *conn
	n := int64(1 << 62)
	for _, c := range conns {
		if c.inUse.Load() < n {
			n, best = c.inUse.Load(), c
		}
	}
	return best
}

// Slots reads the pending list as it is: a ranking on data, ties go to
// the first seen.
func (c *conn) Slots() int { return len(c.pending) }

func LeastSlots(conns map[int]*conn) *conn {
	var best *conn
	n := int(^uint(0) >> 1)
	for _, c := range conns { // want `ArgMaxTie best`
		if c.Slots() < n {
			n, best = c.Slots(), c
		}
	}
	return best
}

// ArgMaxLocal keeps the compared value in a variable of the if statement.
func ArgMaxLocal(counts map[string]int) string {
	best, who := -1, ""
	for k, c := range counts { // want `ArgMaxTie who`
		if v := c * 2; v > best {
			best, who = v, k
		}
	}
	return who
}

func weight(s string) int { return len(s) }

// ArgMaxCall keeps a call's result in a variable of the if statement.
func ArgMaxCall(m map[string]string) string {
	best, who := -1, ""
	for k, v := range m { // want `ArgMaxTie who`
		if w := weight(v); w > best {
			best, who = w, k
		}
	}
	return who
}

type item struct{ n int }

func (it *item) size() int { return it.n }

// ArgMaxMethod ranks on a method of the element kept in a variable.
func ArgMaxMethod(m map[string]*item) *item {
	var best *item
	n := -1
	for _, it := range m { // want `ArgMaxTie best`
		if v := it.size(); v > n {
			n, best = v, it
		}
	}
	return best
}
