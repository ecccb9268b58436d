// Package nilmerge defines an Analyzer that reports writes into maps that may
// be nil.
//
// # Analyzer nilmerge
//
// nilmerge: report writes into maps that may be nil on some path
//
// Writing into a nil map panics ("assignment to entry in nil map"). The
// pass reports m[k] = v, m[k] op= v, m[k]++ and m[k]--, and the calls that
// maplint's API table lists as filling a map (maps.Copy(dst, src) and
// maps.Insert(dst, seq); maps.DeleteFunc on a nil map is a no-op and is not
// one), when the map may be nil on a feasible path reaching the write. The
// central case is the merge loop:
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
// The nil may come from:
//
//   - a var declaration or a named result without make, an assignment of
//     nil, or a branch that makes the map on one path only;
//   - an explicit test: the write is on a path where the program has just
//     compared the map with nil and found it nil (if m == nil { m[k] = v },
//     if m != nil { return }), whatever the map is — parameter, result,
//     field;
//   - a struct built without the map: var s S, new(S), a literal S{...}
//     or &S{...} that leaves the field out, or sets it to nil or to a map
//     that is nil on the path, and a reset (s.tags = nil) before a write
//     in the same function; also a map of a struct held by value inside
//     it (var a App; a.Annotations[k] = v with an embedded ObjectMeta, or
//     o := Options{Cache: CacheOptions{}}; o.Cache.Namespaces[ns] = v),
//     unless the inner struct, or the whole variable, is assigned first;
//   - a struct that a helper of this package returns, by pointer or by
//     value, when on every path it returns nil, the zero struct, or a
//     struct it allocated that leaves the field out
//     (o := defaults(); o.Labels[k] = v), or a struct it decoded into
//     (c, err := load(data); c.Env[k] = v): followed into the caller up to
//     the write, as long as nothing else is handed the struct between;
//   - an unexported field of a package type that nothing in the package
//     ever assigns while a method writes it, and an exported one when, in
//     addition, every function of the package that returns the type builds
//     it fresh without the field (the message names the constructor);
//   - an unexported package variable that is never assigned;
//   - a helper that can return nil in any result position, in this package
//     or in another through the ReturnsNil fact; a nil returned beside an
//     error counts where the caller's error branch does not leave (it logs
//     and goes on); one returned with a false ok where the caller drops
//     the ok (md, _ := metadata.FromContext(ctx), micro/go-os#12) or goes
//     on after finding it false;
//   - the value of a comma-ok type assertion to a map type, on the path
//     where its ok is false (or dropped): the zero value;
//   - maps.Clone of a map that is nil on the path (maps.Collect never
//     returns nil): rows of the API table, with the documented reason;
//   - a decoder (encoding/json, gopkg.in/yaml.v2 and v3, sigs.k8s.io/yaml,
//     github.com/goccy/go-yaml; rows of the API table): a map decoded into
//     is nil after null or empty input, even if it was made before (not
//     where the decoder returned an error: null decodes without one), and a
//     map field of a decoded struct stays nil when the input has none —
//     unless the type decodes itself (has an Unmarshal-like method). The
//     TOML decoders (github.com/BurntSushi/toml, pelletier/go-toml/v2) and
//     encoding/gob make a map decoded into even for empty input, so only
//     the map fields of a struct they decode can stay nil; encoding/xml
//     cannot decode into a map;
//   - an object read from a Kubernetes API server: a map field (the
//     Annotations or Labels of its ObjectMeta, a map of its spec) of the
//     object that controller-runtime's client.Reader.Get fills (through a
//     client.Client too), or that a client-go typed client's Get returns
//     (ConfigMapInterface.Get and the other rows of the API table), is nil
//     when the object has none, unless the type has an UnmarshalJSON
//     method (the protobuf Unmarshal every API type has leaves it nil too);
//     also through a helper handed a pointer to the object or to its
//     ObjectMeta (mergeAnnotations(&existing.ObjectMeta, ...)), and
//     through the generated DeepCopy of such a returned object (the
//     NilFieldsCopy rows: fluxcd/flagger#1277);
//   - the inner map of a map of maps that nothing stores into
//     (outer[k][x] = v): a local outer map, or an unexported field or
//     package variable that the package only ever assigns an empty map and
//     only looks up, ranges over or measures (-nilmerge.outer, on by
//     default);
//   - a parameter that a call in the package passes nil, or a map that
//     is nil there from any of the sources above (mergeMap(target.Annotations,
//     ...) after a Get); the message names the call and the source.
//
// With -nilmerge.outerpath (off by default) the pass also reports a write
// into outer[a][b] where outer is a map of maps held in a field or package
// variable that the package does fill, when nothing in the writing function
// makes sure outer[a] exists: no comma-ok or nil test of outer[a], no
// store of outer[a] with the same key (the same value, or a composite
// literal of the same type with the same elements, none of them written
// in between: m[poolKey{s, p.name}] twice), no range over outer giving the key,
// no call to a function of the package that stores into outer, and, for a
// helper, no such guard in every caller; an entry made up front with the
// same constant key also counts. It stays off until it is judged on real
// code: entries made up front for a fixed set of keys (every kind, at
// construction) are an invariant the pass cannot see (its one finding on
// caddy and grpc was of that kind, and is now silenced; its one finding
// on prometheus, a key written as two equal composite literals, too).
//
// With -nilmerge.deviant (off by default) the pass also infers which map
// fields the package treats as nilable: a write into a field of an object
// the function did not build (nor got fresh from a helper of the package
// that allocates it), with no assignment of the field and no test of one
// of its entries before it, and no nil or length test of the field on any
// path to it, is reported when at least -nilmerge.deviantmin (2) other
// writes of the field in the package are guarded and the guarded writes
// outnumber the bare ones. Its findings so far were false positives
// (hashicorp/nomad/api: writes inside callbacks; net/http and grpc:
// entries tested before the write; caddy: a write in a range over the
// field; nats-server: a nil test on the paths where a loop writes, and a
// clone's field), each now silenced, and its threshold is not yet
// measured on enough code to turn it on.
//
// The search is path-sensitive: the branch conditions on the way from the
// nil to the write must not contradict each other, so a map made when a
// flag is set and written only when the same flag is set is not reported,
// nor a merge whose source is nil on the path where the destination is,
// nor a map made when an integer is non-zero and written under a test that
// implies it (made under mask != 0, written under mask&1 != 0).
//
// The pass is silent when a dominating check (m != nil, len(m) > 0, v, ok
// := outer[k] with ok, m[k] > 0, a range over m) or assignment makes the
// map non-nil, also in a function literal made (at one place) under such
// a check; on parameters, unless the program tests them nil or a call
// in the package passes nil on a path where the write happens (and the
// write depends only on the parameters); when the source of a merge is
// empty on every path where the destination is nil (ranging over, or
// copying from, an empty map writes nothing); on sync.Map; on maps made by
// helpers (getOrCreate(outer, k)[x] = v); and on paths whose branch
// conditions contradict each other. A branch to a function that never
// returns ends its path: os.Exit, log.Fatal, t.Fatal, fatal loggers of
// klog, glog, logrus and zap (rows of maplint's API table), any function
// whose body the ctrlflow analyzer proves never returns, and the functions
// named with -nilmerge.noreturn (importpath.Func or importpath.Type.Method,
// comma-separated: a logger interface's Fatal, say). In a test file, a
// write to a map that is nil on every path (var m map[K]V, never assigned)
// is not reported: it panics whenever the test runs it, so the test means
// the panic (gws's TestRecovery checks that its Recovery option recovers
// one); a map nil on some paths of a test is reported.
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
//     element of a map of maps), also one of several targets
//     (m[k], err = f()), and for a merge from a source that is not a plain
//     name (a call), a lazy make before the write; right after a test that
//     found the map nil, an unconditional make (lazy when a loop lies
//     between the test and the write).
//  4. for an exported field that every constructor leaves nil, the field
//     initialised in the constructors' composite literals (the fix edits
//     the constructor, not the write).
//
// A finding with no fix says why, at the end of its message:
//
//	write to map dst, which is nil here: ...; no fix: dst is a parameter: a map made here would leave the caller's map nil
//
// The reasons: the map is a parameter, or a field of a receiver or
// parameter passed by value (the map made would be lost to the caller);
// it is no variable, field or map entry a made map could be stored in (a
// call's result); storing it would evaluate a key that is not a plain name
// again (idx[r[0]][x] = v); the write is not a statement of a block (an if
// statement's header), before which the make would go; make or len means
// something else there; the map's type cannot be written in the file (an
// unexported type of another package); a constructor builds the value
// without a keyed composite literal to set the field in (new(T)); or the
// file is generated, where an edit is lost at the next generation.
//
// # Known limitations
//
// The pass follows nil through SSA values, and through memory backwards
// from the load, into each edge of a join (not a loop's header), and from
// the entry of a function into the callers that pass the pointer the
// location is a field of (two helpers deep): a goroutine start, or a call
// or store that may reach the location through another name before that
// point ends the walk (silence). A map
// stored in a field, a slice or a closure's variable by another function
// and read back is assumed non-nil unless the field is one nothing
// assigns. A struct returned by a helper is followed into its caller only
// for helpers of the same package, and only up to the first call or store
// that may reach it; a struct returned by a helper of another package is
// trusted (a typed client's Get aside), and so is a map reached through a
// decoded map or slice, a copy made by another package's DeepCopy (but the
// NilFieldsCopy rows' copy of a typed client's result), or a
// callback's parameter (argocd-commenter#613 hands the annotations of
// a.DeepCopy() to a func that writes them; jaeger-operator#433 writes a
// service listed in another package, reached through a slice). A nil passed
// to a parameter is followed only from static calls in the same package,
// and only when the write depends on nothing but the parameters. A map
// made inside a loop on some condition is trusted to exist on the
// iterations after it is made ("if first { m = make(...) }"), right or
// wrong. A helper's nil return counts only when its conditions on the
// helper's parameters may hold at the call: clone(m) returning nil for a
// nil m is reported only where the argument may be nil, and a nil that
// depends on the receiver's fields is trusted. By default an inner map read
// from a map of maps is only reported when the outer map is never filled
// at all; -nilmerge.outerpath reports the rest for outer maps in fields and
// package variables, but a local outer map filled for some keys
// (outer[a] = make...) still makes every lookup of it trusted. Two
// composite-literal keys are equated only when each element is stored
// directly (a literal nested in a key is never equal to another). The
// -deviant inference counts guards in one package only, not across the
// module; it trusts a struct a helper of the package returns fresh, which
// the search follows only when the helper leaves the field out or decodes
// into it (a clone that copies the field follows the original, unseen). Fixes do not name types they cannot spell in the file
// (an unexported type of another package, a package the file does not
// import): those findings have no fix, and say so. A function literal is taken to run
// where it is made: a callback made under a nil check and called after the
// map was reset is trusted.
package nilmerge
