// Package iterorder defines an Analyzer that reports results that depend on
// the randomised iteration order of Go maps.
//
// # Analyzer iterorder
//
// iterorder: report results that depend on map iteration order
//
// Go visits the entries of a map in a different order on every run, on
// purpose. Code that lets that order reach its output produces flaky tests,
// unstable hashes and diffs, and non-deterministic consensus. The pass
// reports a range over a map (or over maps.Keys, maps.Values or maps.All of
// one, or over a range-over-func adaptor that yields a map's entries in map
// order, also from another package) whose body lets the order reach an
// observable result; it does not report ranges whose result is the same in
// any order.
//
// Bad:
//
//	func Names(m map[string]int) []string {
//		var out []string
//		for k := range m {
//			out = append(out, k) // result depends on map iteration order: keys appended to out, which is returned unsorted
//		}
//		return out
//	}
//
// Good:
//
//	func Names(m map[string]int) []string {
//		var out []string
//		for k := range m {
//			out = append(out, k)
//		}
//		sort.Strings(out)
//		return out
//	}
//
// What lets the order through, when it is fed with the key or value of the
// loop (or anything computed from them):
//
//   - appending to a slice (or copying into one, concatenating onto a
//     string, or writing a strings.Builder or bytes.Buffer, also as a
//     field of a local struct) that is then returned, written, printed,
//     encoded, hashed, sent, or ranged over into one of these, with no
//     sort in between (sort.*, slices.Sort*, a Sort method, a function of
//     the package whose name says it sorts);
//   - writing to an io.Writer, fmt.Print*, fmt.Fprint*, a hash.Hash, a
//     json/gob/xml encoder or csv writer;
//   - sending on a channel;
//   - returning from inside the loop (for k := range m { return k }), or
//     returning on a match that more than one entry can satisfy;
//   - calling a function whose summary (a fact, also across packages) says
//     it writes, encodes, hashes or sends a parameter, or appends it to a
//     slice that outlives the call.
//
// An unexported function that returns such a slice is reported only if one
// of its callers (all of them are in the package) uses the result before
// sorting it; an exported one, or one used as a value, is reported unless
// its doc comment says the result is unordered ("in no particular order"):
// its callers cannot tell, so either sort it or document that the order is
// unspecified. Not reported either:
//
//   - a method that lists its own map-backed collection (the loop ranges
//     over a map reached from the receiver, also through a method of its
//     state, and only appends, as Store.List or Indexer.ByIndex do), whose
//     users know a map has no order;
//   - a method returning a list that implements an interface of an
//     imported package (a propagation carrier's Keys), whose contract
//     decides;
//   - a value of a named type that implements sort.Interface and that the
//     package sorts somewhere (sort.Sort(mat)): the package puts it in
//     order before it is used;
//   - data (not text) returned by an exported function of an internal
//     package: only the module calls it, from packages the pass does not
//     see while it analyses this one, so, as for an unexported function,
//     the callers decide (and are not judged; see the limitations);
//   - errors: a []error, or a slice of a type that implements error;
//   - references to variables ([]*string): locations to update one by one;
//   - Prometheus service discovery's target groups and targets, sent or
//     returned: the discovery manager keys groups by Source and the scrape
//     pool keys targets by their labels.
//
// A store at a slot the element chooses (out[v.pos] = v, or putting the
// results of a lookup made in map order back where each key asked for
// them: out[idx[h]] = res[j]) is not reported either: the order of the
// visits does not show in the result.
//
// A send to a pool of workers (goroutines started in a loop of the same
// function that receive from the channel) is not reported: the workers
// handle the values concurrently, whatever the order of the sends. Nor, by
// default, are test helper packages (a path element testutil or
// testutils), functions that also draw random numbers (math/rand,
// crypto/rand, a package named like testrand), whose output differs from
// run to run by design, and loops over header maps (http.Header,
// textproto.MIMEHeader, url.Values, gRPC metadata.MD), whose fields have no
// order in their protocol.
//
// With -iterorder.strict (Config.Strict) the pass also reports sinks that,
// on real code (caddy, grpc, client-go, prometheus, go-ethereum), were
// deliberate or harmless: logging (log, log/slog: per-entry log lines),
// slices appended to or stored in fields and globals, floating-point and
// complex sums (rounding in the last bits: sizes and metrics), keeping an
// arbitrary element (for k := range m { first = k; break }: picking any
// one element is nearly always what the code means), test helper
// packages, functions that draw random numbers, and header maps. Use it
// for code that must be reproducible byte for byte.
//
// Silent: integer sums and counts, min/max and arg-max (an update guarded
// by a comparison with the variable being updated), boolean any/all flags,
// building another map or set, deleting, membership and lookups guarded by
// an equality (if k == name { return v }; if v.ID == id { return v }, which
// assumes identities are unique), slices sorted before use, ranging over
// slices.Sorted(maps.Keys(m)), statements inside function literals (they
// run at a time of their own) and function literals handed to a queue or
// sent on a channel as work, output under a constant or a debugging
// switch (if debug, if verbose, if trace) or in a function whose doc says
// it is for debugging ("For debugging.", "debugging support"), and which
// error is returned or written when several entries fail (a sink on a path
// that returns an error): the outcome — a failure — does not depend on the
// order, only its text, and reporting it would flag most validation loops.
//
// Test files are analysed only in Example functions, whose output is
// compared: tests that pick any element of a map, or report failures per
// entry with t.Errorf, do not depend on which comes first.
//
// # Fix
//
// Where the map's key type is ordered (cmp.Ordered) and the file's Go
// version has maps.Keys and slices.Sorted (Go 1.23), the fix ranges over
// the sorted keys, reading the value in the body:
//
//	for _, k := range slices.Sorted(maps.Keys(m)) {
//		v := m[k]
//		...
//	}
//
// adding the imports it needs. It is not offered when the map expression
// has side effects, when the body writes or deletes entries of the map
// (a deleted entry would be visited with its zero value), or for keys
// that are not ordered (structs, pointers, interfaces): sort those with
// slices.SortFunc and a comparison that suits them.
//
// # Known limitations
//
// Slices kept per key of another map (groups[g] = append(groups[g], k))
// are not followed; nor are slices passed to functions without a fact
// (including constructors that keep them in a struct), or compared in
// tests (reflect.DeepEqual on an unsorted slice is a flaky test that the
// pass misses). Facts are not transitive: a helper that calls a writing
// helper gets no fact. errors.Join of errors collected in map order is not
// reported, though its text depends on the order. The callers of an
// exported function of an internal package are not judged: they are in
// other packages, and no fact carries the order to them. A sort is
// recognised anywhere after the loop,
// even on a branch that does not reach every use. Closures are not
// followed. An unexported method called through an interface is treated as
// if all its callers were visible.
package iterorder
