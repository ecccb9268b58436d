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
// one) whose body lets the order reach an observable result; it does not
// report ranges whose result is the same in any order.
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
//   - appending to a slice (or copying into one, or writing a
//     strings.Builder or bytes.Buffer) that is then returned, stored in a
//     field or global, written, printed, sent, or ranged over into one of
//     these, with no sort in between (sort.*, slices.Sort*, a Sort method,
//     a function of the package whose name says it sorts);
//   - writing to an io.Writer, fmt.Print*, fmt.Fprint*, log and log/slog,
//     a hash.Hash, a json/gob/xml encoder or csv writer;
//   - sending on a channel;
//   - returning from inside the loop (for k := range m { return k }), or
//     returning on a match that more than one entry can satisfy;
//   - assigning to an outer variable that is read after the loop (the last
//     entry visited wins: for k := range m { first = k; break });
//   - concatenating onto an outer string; accumulating floating-point or
//     complex numbers (rounding depends on the order of the additions);
//   - calling a function whose summary (a fact, also across packages) says
//     it writes, prints, logs, encodes, hashes or sends a parameter, or
//     appends it to a slice that outlives the call.
//
// An unexported function that returns such a slice is reported only if one
// of its callers (all of them are in the package) uses the result before
// sorting it; an exported one, or one used as a value, is always reported.
//
// Silent: integer sums and counts, min/max and arg-max (an update guarded
// by a comparison with the variable being updated), boolean any/all flags,
// building another map or set, deleting, membership and lookups guarded by
// an equality (if k == name { return v }; if v.ID == id { return v }, which
// assumes identities are unique), slices sorted before use, ranging over
// slices.Sorted(maps.Keys(m)), statements inside function literals (they
// run at a time of their own), and which error is returned or kept when
// several entries fail (the outcome — an error — does not depend on the
// order, only its text; reporting it would flag most validation loops).
// The same goes for t.Errorf and friends in tests: they are not sinks.
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
// are not followed; nor are slices passed to functions without a fact, or
// compared in tests (reflect.DeepEqual on an unsorted slice is a flaky
// test that the pass misses). A sort is recognised anywhere after the loop,
// even on a branch that does not reach every use. Closures are not
// followed. An unexported method called through an interface is treated as
// if all its callers were visible.
package iterorder
