// Package nilmerge defines an Analyzer that reports writes into maps that may
// be nil.
//
// # Analyzer nilmerge
//
// nilmerge: report writes into maps that may be nil on some path
//
// Writing into a nil map panics ("assignment to entry in nil map"). The
// pass reports m[k] = v, m[k] op= v, m[k]++ and m[k]--, and the library
// writes maps.Copy(dst, src) and maps.Insert(dst, seq), when the map may be
// nil on a feasible path reaching the write. The central case is the merge
// loop:
//
//	var out map[string]int // declared without make
//	for k, v := range src {
//		out[k] = v // write to map out, which is nil here: declared without make at merge.go:12
//	}
//
// Good:
//
//	out := make(map[string]int, len(src))
//	for k, v := range src {
//		out[k] = v
//	}
//
// The nil may come from a var declaration or a named result without make,
// an assignment of nil, a branch that makes the map on one path only, a
// field of a zero or partially initialised struct (var s S, new(S), S{...})
// that nothing sets, an unexported field of a package type that nothing in
// the package ever assigns while a method writes it, an unexported package
// variable that is never assigned, a helper that can return nil (in this
// package, or in another through the ReturnsNil fact), the inner map of a
// map of maps that nothing stores into (outer[k][x] = v), and a parameter
// that a call in the package passes nil.
//
// The search is path-sensitive: the branch conditions on the way from the
// nil to the write must not contradict each other, so a map made when a
// flag is set and written only when the same flag is set is not reported,
// nor a merge whose source is nil on the path where the destination is.
//
// The pass is silent when a dominating check (m != nil, len(m) > 0, v, ok
// := outer[k] with ok, m[k] > 0, a range over m) or assignment makes the
// map non-nil; on parameters, unless a call in the package passes nil on a
// path where the write happens (and the write depends only on the
// parameters); when the source of a merge is empty on every path where
// the destination is nil (ranging over, or copying from, an empty map
// writes nothing); on sync.Map; on maps made by helpers
// (getOrCreate(outer, k)[x] = v); and on paths whose branch conditions
// contradict each other. A branch to log.Fatal, os.Exit, t.Fatal and
// the like ends its path.
//
// # Fixes
//
// In order of preference, each producing code that compiles:
//
//  1. dst = safemap.PutAll(dst, src), replacing the merge loop or
//     maps.Copy, when the file already imports
//     github.com/maplint/maplint/safemap (or the helper named by the
//     -putall flag, as importpath.Func). A fix never adds a module
//     requirement.
//  2. if dst == nil { dst = make(T, len(src)) } before the merge, with the
//     loop replaced by maps.Copy(dst, src) when the file's Go version is at
//     least 1.21. (An empty src now leaves dst empty rather than nil; use
//     PutAll to keep nil.)
//  3. for a single write through a persistent location (a local variable,
//     a named result, a package variable, a field through a pointer, an
//     element of a map of maps) a lazy make before the write.
//
// No fix is offered where the assignment would be lost (parameters, fields
// of value receivers): those findings are reported only.
//
// # Known limitations
//
// The pass follows nil through SSA values, not through memory: a map
// stored in a field, a slice or a closure's variable and read back is
// assumed non-nil unless the field is one nothing assigns. A nil passed
// to a parameter is followed only from static calls in the same package,
// and only when the write depends on nothing but the parameters. A map
// made inside a loop on some condition is trusted to exist on the
// iterations after it is made ("if first { m = make(...) }"), right or
// wrong. A helper's nil return counts only when its conditions on the
// helper's parameters may hold at the call: clone(m) returning nil for a
// nil m is reported only where the argument may be nil, and a nil that
// depends on the receiver's fields or comes with an error or a false ok
// is trusted. An inner map read from a map of maps is only reported when
// the outer map is made in the same function and never filled at all.
// Fixes do not name types they cannot spell in the file (an unexported
// type of another package, a package the file does not import): those
// findings have no fix.
package nilmerge
