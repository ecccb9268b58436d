package sinks

// The examples of issue 9, each reported where the order reaches a result,
// next to a twin that sorts or is order-free and stays silent.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"time"
)

// EncodeReturned encodes in the return statement: the encoder's error is
// not a failure of the loop.
func EncodeReturned(w io.Writer, m map[string]int) error {
	var out []string
	for k := range m { // want `keys appended to out, which is encoded by json.NewEncoder\(w\).Encode unsorted`
		out = append(out, k)
	}
	return json.NewEncoder(w).Encode(out)
}

func EncodeReturnedSorted(w io.Writer, m map[string]int) error {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return json.NewEncoder(w).Encode(out)
}

// KeysOf is generic over the map type: its core type is a map.
func KeysOf[M ~map[K]V, K comparable, V any](m M) []K {
	var out []K
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

type tracer struct{}

// Traced writes under a condition whose name says "trace": names are not
// read, the output is in map order.
func Traced(w io.Writer, t *tracer, m map[string]int) {
	for k := range m { // want `keys written to w`
		if t != nil {
			fmt.Fprintln(w, k)
		}
	}
}

// Jittered sleeps a random time before it encodes: the keys are still in
// map order.
func Jittered(w io.Writer, m map[string]int) error {
	time.Sleep(time.Duration(rand.Intn(10)) * time.Millisecond)
	var out []string
	for k := range m { // want `keys appended to out, which is encoded by json.NewEncoder\(w\).Encode unsorted`
		out = append(out, k)
	}
	return json.NewEncoder(w).Encode(out)
}

func isSorted(s []string) bool { return sort.StringsAreSorted(s) }

// CheckedNotSorted calls a function whose name says "sort" but only
// checks: the slice keeps map order.
func CheckedNotSorted(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	if !isSorted(out) {
		fmt.Println("not sorted")
	}
	return out
}

// RandomSampler's name says random; its output is map order all the same.
type RandomSampler struct{ m map[string]int }

func (s *RandomSampler) Names(w io.Writer) {
	for k := range s.m { // want `keys written to w`
		fmt.Fprintln(w, k)
	}
}

// Problems builds an error's text from map-ordered parts.
func Problems(m map[string]int) error {
	var problems []string
	for k, v := range m { // want `keys appended to problems, which is returned unsorted`
		if v < 0 {
			problems = append(problems, k+" is negative")
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, ", "))
	}
	return nil
}

func ProblemsSorted(m map[string]int) error {
	var problems []string
	for k, v := range m {
		if v < 0 {
			problems = append(problems, k+" is negative")
		}
	}
	slices.Sort(problems)
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, ", "))
	}
	return nil
}

// ArgMax keeps the key with the largest count; ties go to whichever key
// comes first (silent.Max is the twin with a tie-break).
func ArgMax(counts map[string]int) string {
	best, who := -1, ""
	for k, c := range counts { // want `keys picked as the greatest into who, ties going to the first visited`
		if c > best {
			best, who = c, k
		}
	}
	return who
}

// Header is a header-like multimap.
type Header map[string][]string

// String is used as a map key by callers: its text must be stable.
func (h Header) String() string {
	var b strings.Builder
	for k, vv := range h { // want `keys written to b, which is returned unsorted`
		fmt.Fprintf(&b, "%s: %s\r\n", k, strings.Join(vv, ","))
	}
	return b.String()
}

func (h Header) SortedString() string {
	var b strings.Builder
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "%s: %s\r\n", k, strings.Join(h[k], ","))
	}
	return b.String()
}

// ByLower keeps, for each lower-cased name, whichever spelling comes first.
func ByLower(m map[string]int) map[string]string {
	dst := make(map[string]string)
	for k := range m { // want `keys stored into dst only when absent, under a key several entries can share: the first visited wins`
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = k
		}
	}
	return dst
}

// ByLowerKeys is ByLower over maps.Keys.
func ByLowerKeys(m map[string]int) map[string]string {
	dst := make(map[string]string)
	for k := range maps.Keys(m) { // want `keys stored into dst only when absent`
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = k
		}
	}
	return dst
}

// LowerSet only records the lower-cased names: order-free.
func LowerSet(m map[string]int) map[string]bool {
	dst := make(map[string]bool)
	for k := range m {
		if _, ok := dst[strings.ToLower(k)]; !ok {
			dst[strings.ToLower(k)] = true
		}
	}
	return dst
}

// IDs numbers the keys in map order.
func IDs(m map[string]bool) map[string]int {
	ids := make(map[string]int)
	n := 0
	for k := range m { // want `keys numbered in map order into ids`
		ids[k] = n
		n++
	}
	return ids
}

// Count only counts: order-free.
func Count(m map[string]bool) int {
	n := 0
	for k := range m {
		if k != "" {
			n++
		}
	}
	return n
}

type Report struct{ Names []string }

// Aggregate appends to a field of its parameter and returns it.
func Aggregate(m map[string]int, r *Report) *Report {
	for k := range m { // want `keys appended to r\.Names, which is returned unsorted`
		r.Names = append(r.Names, k)
	}
	return r
}

func AggregateSorted(m map[string]int, r *Report) *Report {
	for k := range m {
		r.Names = append(r.Names, k)
	}
	sort.Strings(r.Names)
	return r
}

// Never prints only under if false: dead code.
func Never(m map[string]int) {
	for k := range m {
		if false {
			fmt.Println(k)
		}
	}
}

type configErr struct{ key string }

func (e *configErr) Error() string { return "bad " + e.key }

// Check returns the first bad entry as a concrete error type: which entry
// fails first is, like a returned error, not a result.
func Check(w io.Writer, m map[string]int) *configErr {
	for k, v := range m {
		if v < 0 {
			fmt.Fprintf(w, "bad %s\n", k)
			return &configErr{k}
		}
	}
	return nil
}

func apply(names []string) error {
	if len(names) > 3 {
		return errors.New("too many names")
	}
	return nil
}

// Applied hands the keys to a function and returns its error: the error is
// not made of the keys (caddy's createAutomationPolicies).
func Applied(m map[string]int) error {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	return apply(names)
}

type policy struct{ Subjects []string }

type tlsApp struct{ Policies []*policy }

func sortPolicies(ps []*policy) { // want sortPolicies:`sorts 0`
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Subjects) < len(ps[j].Subjects) })
}

// BuildTLS is caddy's buildTLSApp: sorting the list of policies does not
// sort the subjects of one of them.
func BuildTLS(hosts map[string]bool) *tlsApp {
	app := &tlsApp{}
	internal := &policy{}
	for h := range hosts { // want `keys appended to internal\.Subjects, which is returned unsorted`
		internal.Subjects = append(internal.Subjects, h)
	}
	app.Policies = append(app.Policies, internal)
	sortPolicies(app.Policies)
	return app
}

type upstream struct {
	Address string
	N       int
}

// EncoderMadeBefore is caddy's /reverse_proxy/upstreams handler: the
// encoder is a local variable made before the loop, but it writes to w,
// so the order of the list reaches the response.
func EncoderMadeBefore(w io.Writer, hosts map[string]int) error {
	enc := json.NewEncoder(w)
	var results []upstream
	for a, n := range hosts { // want `keys appended to results, which is encoded by enc.Encode unsorted`
		results = append(results, upstream{Address: a, N: n})
	}
	err := enc.Encode(results)
	if err != nil {
		return err
	}
	return nil
}

// BufferedBefore writes through a bufio.Writer made before the loop: the
// lines reach w.
func BufferedBefore(w io.Writer, m map[string]int) error {
	bw := bufio.NewWriter(w)
	for k := range m { // want `keys written to bw`
		bw.WriteString(k + "\n")
	}
	return bw.Flush()
}

// EncoderInLoop makes an encoder over w in each iteration: it still writes
// to w, in map order.
func EncoderInLoop(w io.Writer, m map[string]int) {
	for k := range m { // want `keys encoded by enc.Encode`
		enc := json.NewEncoder(w)
		enc.Encode(k)
	}
}

type stream interface{ Send([]byte) error }

// MarshalledAndSent marshals the list and hands the bytes to a stream
// whose consumer is unknown (grpc's LRS client): the error of the
// marshalling is not made of the list.
func MarshalledAndSent(s stream, m map[string]int) error {
	var items []upstream
	for k, n := range m {
		items = append(items, upstream{Address: k, N: n})
	}
	msg, err := json.Marshal(items)
	if err != nil {
		return err
	}
	err = s.Send(msg)
	return err
}

// MarshalledAndReturned returns the bytes: they are output.
func MarshalledAndReturned(m map[string]int) ([]byte, error) {
	var items []upstream
	for k, n := range m { // want `keys appended to items, which is returned unsorted`
		items = append(items, upstream{Address: k, N: n})
	}
	msg, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	return msg, nil
}

// The consumers below show, in this package, the lists that KeysOf,
// CheckedNotSorted, Aggregate and BuildTLS return, so those loops are
// reported where they build the list. Without a consumer here they would
// export an OrderedResultFact instead (see the emitter and crosspkg
// packages); the twins show the sorted variants and stay silent.

func ShowKeysOf(w io.Writer, m map[string]int) { // want ShowKeysOf:`sinks\(1: written to w\)`
	fmt.Fprintln(w, KeysOf(m))
}

func ShowChecked(w io.Writer, m map[string]int) { // want ShowChecked:`sinks\(1: written to w\)`
	fmt.Fprintln(w, CheckedNotSorted(m))
}

func ShowAggregate(w io.Writer, m map[string]int) { // want ShowAggregate:`sinks\(1: written to w\)`
	fmt.Fprintln(w, Aggregate(m, &Report{}).Names)
}

func ShowAggregateSorted(w io.Writer, m map[string]int) { // want ShowAggregateSorted:`sinks\(1: written to w\)`
	fmt.Fprintln(w, AggregateSorted(m, &Report{}).Names)
}

func ShowTLS(w io.Writer, hosts map[string]bool) error { // want ShowTLS:`sinks\(1: encoded by json.NewEncoder\(w\).Encode\)`
	return json.NewEncoder(w).Encode(BuildTLS(hosts))
}

// The same loop that prints every entry before the program exits is
// output in map order: the exit is not on the path of each print.
func ListPatternsThenExit(exceptions map[string]string) {
	for pattern := range exceptions { // want `keys printed by fmt.Printf`
		fmt.Printf("pattern %q\n", pattern)
	}
	os.Exit(0)
}
