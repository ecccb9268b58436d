// Package silent holds order-free map loops, on which the pass must stay
// silent: sums and counts, min/max, any/all, building maps and sets,
// deletes, membership tests, lookups, sorted results, and errors.
package silent

import (
	"bytes"
	"encoding/gob"
	"container/heap"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
)

func Count(m map[string]int) (n, sum int) {
	for _, v := range m {
		n++
		sum += v
	}
	return n, sum
}

// Max keeps the key with the largest value, ties broken by the key: the
// same pick in any order (sinks.ArgMax is the twin without the tie-break).
func Max(m map[string]int) (best string, max int) {
	for k, v := range m {
		if v > max || v == max && k < best {
			max = v
			best = k
		}
	}
	return best, max
}

func MinKey(m map[string]int) string {
	min := ""
	for k := range m {
		if min == "" || k < min {
			min = k
		}
	}
	return min
}

func AnyAll(m map[string]int) (anyNeg, allPos bool) {
	allPos = true
	for _, v := range m {
		anyNeg = anyNeg || v < 0
		if v <= 0 {
			allPos = false
		}
	}
	return anyNeg, allPos
}

func Invert(m map[string]int) map[int]string {
	out := make(map[int]string, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

func Set(m map[string]int) map[string]struct{} {
	set := map[string]struct{}{}
	for k := range m {
		set[strings.ToLower(k)] = struct{}{}
	}
	return set
}

func Prune(m map[string]int) {
	for k, v := range m {
		if v == 0 {
			delete(m, k)
		}
	}
}

func Contains(m map[string]int, x int) bool {
	for _, v := range m {
		if v == x {
			return true
		}
	}
	return false
}

func LookupKey(m map[string]int, name string) (string, int) {
	for k, v := range m {
		if k == name {
			return k, v
		}
	}
	return "", 0
}

type conn struct{ id int }

func LookupByID(m map[string]*conn, id int) *conn {
	for _, c := range m {
		if c.id == id {
			return c
		}
	}
	return nil
}

func SortedKeys(m map[string]int) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func SortedSlice(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func SortedInterface(m map[string]int) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Sort(byLen(keys))
	return keys
}

func SortedFunc(m map[string]int) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func SortedLater(m map[string]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

func SortedRange(m map[string]int) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Println(k, m[k])
	}
}

func CountOnly(m map[string]int) int {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return len(keys)
}

func NotUsed(m map[string]int) {
	for k := range m {
		fmt.Println("one more entry") // does not depend on the key
		_ = k
	}
}

func FirstError(m map[string]func() error) error {
	for _, f := range m {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// Validate joins the errors of every bad entry: the error's text lists
// them in map order, so it is reported (carvel-dev/kapp#1047 is this bug;
// see realbugs). Returning the []error itself stays silent (CheckAll).
func Validate(m map[string]int) error {
	var errs []error
	for k, v := range m { // want `keys appended to errs, which is returned unsorted`
		if v < 0 {
			errs = append(errs, fmt.Errorf("%s: negative", k))
		}
	}
	return errors.Join(errs...)
}

func ScratchVar(m map[string]int) int {
	var k string
	var total int
	for k = range m {
		total += len(k)
	}
	return total
}

func Reused(m map[string][]int) int {
	n := 0
	var cur []int
	for _, v := range m {
		cur = v
		n += len(cur)
	}
	return n
}

func PerIterationBuilder(m map[string]int) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		var b strings.Builder
		fmt.Fprintf(&b, "%d", v)
		out[k] = b.String()
	}
	return out
}

func IntoSetThenSorted(m map[string][]string) []string {
	seen := map[string]bool{}
	for _, vs := range m {
		for _, v := range vs {
			seen[v] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

func Closure(m map[string]int, run func(func())) {
	for k := range m {
		run(func() { fmt.Println(k) }) // closures run at a time of their own
	}
}

func Switch(m map[string]int, want string) int {
	for k, v := range m {
		switch k {
		case want:
			return v
		}
	}
	return 0
}

// FailFirst reports the first bad entry and stops: which one is found
// first is, like a returned error, not a result.
func FailFirst(w io.Writer, m map[string]string) error {
	for k, v := range m {
		if v == "" {
			fmt.Fprintf(w, "empty value for %s\n", k)
			return fmt.Errorf("empty value for %s", k)
		}
	}
	return nil
}

// LogOnly builds a string in map order that only reaches a log line.
func LogOnly(m map[string]int) {
	s := ""
	for k := range m {
		s += k + " "
	}
	log.Print("keys: " + s)
}

// FailFirstHTTP writes an error response for the first bad entry through a
// helper with a fact (http.Error) and returns an error.
func FailFirstHTTP(w http.ResponseWriter, m map[string]string) error {
	for k, v := range m {
		if v == "" {
			http.Error(w, "empty value for "+k, http.StatusBadRequest)
			return errors.New("bad request")
		}
	}
	return nil
}

// validate describes the first invalid entry, like an error would.
func validate(h map[string][]string) string {
	for k, vv := range h {
		if len(vv) == 0 {
			return fmt.Sprintf("no value for %q", k)
		}
	}
	return ""
}

var _ = validate

// sorter sorts the keys it holds (net/http's headerSorter).
type sorter struct{ v []string }

func (s *sorter) Len() int           { return len(s.v) }
func (s *sorter) Less(i, j int) bool { return s.v[i] < s.v[j] }
func (s *sorter) Swap(i, j int)      { s.v[i], s.v[j] = s.v[j], s.v[i] }

func (s *sorter) Keys(h map[string][]string) []string { // want Keys:`sorts -1`
	keys := s.v[:0]
	for k := range h {
		keys = append(keys, k)
	}
	s.v = keys
	sort.Sort(s)
	return keys
}

// arbitraryName returns an arbitrary key. Names are not read: it is silent
// because returning any one element, like x = k; break, is reported only
// under -strict.
func arbitraryName(m map[string]int) string {
	for k := range m {
		return k
	}
	return ""
}

var _ = arbitraryName

type units struct{}

func (units) sortUnits(u []string) { sort.Strings(u) } // want sortUnits:`sorts 0`

func SortedByMethod(m map[string]int) []string {
	var us []string
	for k := range m {
		us = append(us, k)
	}
	units{}.sortUnits(us)
	return us
}

func EqualFoldLookup(m map[string]int, key string) int {
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return 0
}

// PerEntryHash hashes each entry on its own: order-free.
func PerEntryHash(m map[string]string) map[string][32]byte {
	out := map[string][32]byte{}
	for k, v := range m {
		h := sha256.New()
		h.Write([]byte(v))
		var sum [32]byte
		copy(sum[:], h.Sum(nil))
		out[k] = sum
	}
	return out
}

// digest hashes its argument with a hash of its own: no fact.
func digest(b []byte) []byte {
	h := sha256.New()
	h.Write(b)
	return h.Sum(nil)
}

func Digests(m map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for k, v := range m {
		out[k] = digest(v)
	}
	return out
}

type sub struct {
	ch chan string
	w  io.Writer
}

// Broadcast sends to each element's own channel and writer.
// A send is a -strict sink: by default the function gets no fact.
func Broadcast(subs map[string]*sub, msg string) {
	for name, s := range subs {
		s.ch <- msg + name
		fmt.Fprintln(s.w, name)
	}
}

// CheckAll collects one error per bad entry.
func CheckAll(m map[string]int) []error {
	var errs []error
	for k, v := range m {
		if v < 0 {
			errs = append(errs, fmt.Errorf("%s: negative", k))
		}
	}
	return errs
}

type byPrice []int

func (h byPrice) Len() int           { return len(h) }
func (h byPrice) Less(i, j int) bool { return h[i] < h[j] }
func (h byPrice) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byPrice) Push(x any)        { *h = append(*h, x.(int)) }
func (h *byPrice) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Heap orders what it collected with heap.Init.
func Heap(m map[string]int) byPrice {
	h := make(byPrice, 0, len(m))
	for _, v := range m {
		h = append(h, v)
	}
	heap.Init(&h)
	return h
}

// ResetHash hashes each entry with a reset hasher.
func ResetHash(m map[string][]byte) map[string][]byte {
	h := sha256.New()
	out := map[string][]byte{}
	for k, v := range m {
		h.Reset()
		h.Write(v)
		out[k] = h.Sum(nil)
	}
	return out
}

// AnyOwner documents its pick at the loop (go-ethereum's blobpool
// lookup). Comments are not read: it is silent because returning any one
// element is reported only under -strict.
func AnyOwner(owners map[string]bool) string {
	// The blob is known: return any owner of it.
	for o := range owners {
		return o
	}
	return ""
}

type postings struct{ err error }

func errPostings(err error) *postings { return &postings{err: err} }

// Open wraps the first failure in its result type.
func Open(m map[string]func() error) *postings {
	for _, f := range m {
		if err := f(); err != nil {
			return errPostings(err)
		}
	}
	return nil
}

// CopyIntoMap copies each value into an entry of another map.
func CopyIntoMap(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = make([]string, len(v))
		copy(out[k], v)
	}
	return out
}

type proto struct{ offset, length uint64 }

// ProtoFor finds the protocol whose code range holds code: ranges are
// disjoint, so at most one matches.
func ProtoFor(running map[string]*proto, code uint64) *proto {
	for _, p := range running {
		if code >= p.offset && code < p.offset+p.length {
			return p
		}
	}
	return nil
}

// AnyOwnerIgnored is AnyOwner with the directive that states the intent.
func AnyOwnerIgnored(owners map[string]bool) string {
	//maplint:ignore iterorder any owner of the blob will do
	for o := range owners {
		return o
	}
	return ""
}

type factEntry struct {
	Key  string
	Data []byte
}

// EncodedPerEntry gob-encodes each value into a buffer of its own and
// sorts the entries: the encoder writes to a buffer of the iteration
// (maplint's own driver/facts.go).
func EncodedPerEntry(m map[string]int) []factEntry {
	var out []factEntry
	for k, v := range m {
		var buf bytes.Buffer
		if gob.NewEncoder(&buf).Encode(v) != nil {
			continue
		}
		out = append(out, factEntry{Key: k, Data: buf.Bytes()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// NewBuffer writes each key into a buffer made with new in the iteration.
func NewBuffer(m map[string]int) []string {
	var out []string
	for k := range m {
		buf := new(bytes.Buffer)
		buf.WriteString(k)
		out = append(out, buf.String())
	}
	sort.Strings(out)
	return out
}
