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
//     encoded, hashed, or ranged over into one of these, with no
//     sort in between (the Sort and Sorted rows of internal/apis:
//     sort.*, slices.Sort*, sort.StringSlice's Sort, heap.Init; or a
//     sort written by hand by exchanges, two nested loops that swap two
//     elements, s[i], s[j] = s[j], s[i], under a comparison of the two,
//     as resty sorts the headers of a curl dump; or a function of the
//     package that sorts its parameter with one; or a sort of a field that
//     shares the slice: hs.kvs = kvs, then slices.SortFunc(hs.kvs, cmp); or
//     a call of a function that, on at least one of its paths, returns what
//     it is given sorted, also from another package:
//     values, _ = hints.ApplyLimit(values), which keeps the smallest values
//     in order when the hints ask for them; given as a slice or as an
//     iter.Seq of its elements, and sorted by a sort call or by a helper
//     that sorts its operand in place and returns it: opa's
//     levenshtein.ClosestStrings(d, in, slices.Values(names)) returns
//     util.Sorted(closest); or a call of a function that derives a new list
//     from what it is given and returns it sorted on every path: revive's
//     test helper ruleNames copies each rule's Name() into a new slice and
//     sorts it; or a shuffle, a Shuffle row with a swap function that
//     exchanges the slice's elements: cometbft's address book picks at
//     random on purpose; a sort of keys[i:] only past the one key the loop
//     pins in front, as alertmanager's KV.SortedPairs: suffixsort.go);
//   - an error built from such a slice or text (errors.Join(errs...),
//     errors.New(strings.Join(problems, ", "))): its text lists the
//     entries in map order;
//   - writing to an io.Writer, fmt.Print*, fmt.Fprint*, a hash.Hash, a
//     json/gob/xml encoder or csv writer (the Output, Hash and Encode rows
//     of internal/apis, and any method of the io.Writer, io.StringWriter
//     and io.ByteWriter contracts), also through an encoder or writer made
//     over it (enc := json.NewEncoder(w) before the loop writes to w), or
//     sending it as a request's body (Send rows: http.NewRequest,
//     http.Post), also through a reader made of it (bytes.NewReader);
//   - writing another map only where an entry is absent, under a key
//     computed from the element, which several entries can share (if _,
//     ok := dst[f(k)]; !ok { dst[f(k)] = v }): the first visited wins;
//   - numbering the entries in map order (ids[k] = n; n++);
//   - keeping the entry with the greatest (or least) value with no
//     tie-break (if c > best { best, who = c, k }): among equal values, the
//     first visited wins; not when the value is the length of the key
//     and only keys that begin or end one string compete (the Affix rows
//     of internal/apis: if strings.HasSuffix(path, "."+k) && len(k) > n):
//     two such keys of one length are the same key, so none tie;
//   - calling a function whose summary (a fact, also across packages) says
//     it writes, encodes, hashes or sends a parameter, or appends it to a
//     slice that outlives the call.
//
// A function that returns such a slice (or a value holding one) hands
// the order to its callers: returning is a propagation, not a sink. It is
// reported where a caller in the package uses the result before sorting
// it (an unexported function used as a value is reported, as its callers
// cannot all be seen). A call whose constant arguments take another way
// (the function's condition on a parameter it never assigns is then
// false around the return, or true for an earlier if that returns) gets
// none of that return's order: amqp091-go's
// getTopologyConfiguration(id, false) returns one channel's clone before
// the merge in map order that true asks for. Text and errors are output in
// themselves: a string, a []byte or an error made of the entries is
// reported when an exported function returns it. A list returned by an
// exported function that no caller in the package shows is reported only
// with -iterorder.strict; by default, when the result is a slice, or a
// struct whose one field is the list (the fact names the field), a fact
// (OrderedResultFact) carries the order to the callers in other packages (a
// map holding one is not followed there), and a caller that writes, prints,
// encodes, hashes or returns as text what it got (the field, or the whole
// struct) is reported at the call:
//
//	names := lib.Names(m) // result depends on map iteration order: the result of lib.Names, built in map order and returned unsorted, is written to w unsorted
//	fmt.Fprintln(w, strings.Join(names, ","))
//
// That finding has no fix; its message ends with "; no fix: lib.Names
// returns the list in map order; sort it in package lib, for all its
// callers": a sort at the call would leave the function's other callers
// unsorted. -iterorder.strict reports the loop itself, with its sort fix.
//
// The caller's scan follows the list into a field of a local struct
// (meta := T{Links: lib.Names(m)}, meta.Links = ...; a sort of the path
// that holds it, srv.Logs.SkipHosts after srv.Logs.SkipHosts =
// append(srv.Logs.SkipHosts, hosts...), clears it when no other part of
// the struct holds order), and that struct into what an unexported function
// returns, field by field: a helper of the package that uses only another
// field of its struct parameter is not blamed. Nor is one whose result does
// not see the list's order: a function of the package that uses the
// parameter (or receiver) only in a membership test (the OrderFree rows of
// internal/apis: slices.Contains), in len, or in a range that only tests
// each element and returns one and the same constant wherever it returns,
// an any/all reduction (rain's slice.Mode returns Involved as soon as one
// element has changed, and Unchanged after the loop; oasdiff's mergeProps
// tests each property with slices.Contains(propsToMerge, k)); a function
// that returns an element or two different constants from the loop lets the
// order through. os.WriteFile, which writes a whole file, shows an ordered
// value; called once per map entry it shows no order.
//
// A call of a method of an interface declared in the caller's package
// stands for the implementations this package can see (its own, and
// those of its dependencies) whose results carry the fact, and is
// reported when any of them does: at run time the call goes to one of
// them, and its order is what the caller shows (prometheus's API calls
// its own alertmanagerRetriever, implemented by *notifier.Manager). A
// broad interface declared elsewhere is not followed: many of its
// implementations are never given to the call. The other way round, a
// package that declares an interface and shows what a method of it
// returns (caddyfile's Adapter encodes what ServerType.Setup returns)
// marks the method (ShownResultFact), and an implementation in a package
// that imports it is reported at its loop. Only a caller seen to show the
// result counts there: returning it from a function literal, or reaching
// the depth bound of the search, is not seen.
//
// A function literal has no callers in sight, and what it returns is
// taken as shown; but a literal handed to another package as a value of a
// function type that package declares (prometheus.GathererFunc(parse), or
// an argument whose parameter has such a type) is called by that package,
// which decides, as for a method implementing an interface of an imported
// package: the declaring package marks the type (ShownResultFact) when a
// call of a value of it shows the result, and the literal's loop is
// reported then only. client_golang's Gatherers.Gather sorts what a
// GathererFunc returns, so its Example's literal is silent; a literal
// that is also called where it is made keeps the default.
//
// Not reported either:
//
//   - a method that lists its own map-backed collection (the loop ranges
//     over a map reached from the receiver, also through a method of its
//     state, and only appends, as Store.List or Indexer.ByIndex do), whose
//     users know a map has no order; not when it returns text (a string
//     or []byte made of the items is output);
//   - a method returning a list that implements an interface of an imported
//     package (a propagation carrier's Keys), whose contract decides;
//   - a value of a named type that implements sort.Interface and that the
//     package sorts somewhere (sort.Sort(mat)): the package puts it in
//     order before it is used;
//   - data (not text) returned by an exported function of an internal
//     package: only the module calls it, from packages the pass does not
//     see while it analyses this one, so, as for an unexported function,
//     the callers decide (and are not judged; see the limitations);
//   - a list of errors: a []error, or a slice of a type that implements
//     error (joining them into one error is reported, see above);
//   - references to variables ([]*string): locations to update one by one;
//   - a list stored as a process's environment (exec.Cmd's Env,
//     os.ProcAttr's Env: the OrderFreeField rows of internal/apis):
//     variables are looked up by name, and entries made from a map's
//     distinct keys name distinct variables;
//   - the candidates a completion function returns to cobra (handed to
//     Command.RegisterFlagCompletionFunc or stored in
//     Command.ValidArgsFunction, as a literal, through a local variable,
//     as the result of an unexported function whose every call is so
//     handed, or as a function or method value used only there: the
//     OrderFreeResults rows of internal/apis) with a directive that is a
//     constant without ShellCompDirectiveKeepOrder: cobra's shell scripts
//     sort them. With that bit, or a directive computed at run time, the
//     shell keeps the order, and the loop is reported;
//   - values of the types, and arguments of the functions, that the
//     project names as order-free with -iterorder.orderfree (below).
//
// A loop over a map parameter of a function whose calls are all seen (it
// is not exported, not used as a value, not a method an interface of the
// package may call) and all pass a map literal of at most one entry (or a
// variable defined as one and used only there) is not reported: it visits
// one entry, in the only order there is (net/http/fcgi's writePairs, whose
// one caller writes {"FCGI_MPXS_CONNS": "1"}).
//
// A store at a slot the element chooses (out[v.pos] = v, or putting the
// results of a lookup made in map order back where each key asked for
// them: out[idx[h]] = res[j]) is not reported either: the order of the
// visits does not show in the result. Nor is text written to a local
// builder after a statement of the function's top level wrote an address
// to it (fmt.Fprintf(&b, "scope %p {", s)): it differs from run to run
// whatever the order (cue's debugging scope.String).
//
// A map written out to a stream that the package reads back into the
// same map is a round trip, and is not reported either: hashicorp/serf's
// snapshot writes its alive nodes to a file in map order and replays every
// line back into the same map; pgx's startup message appends its
// parameters and decodes them back into its Parameters field. The two
// ends are tied by the map's identity — a map type of the package, a
// field of one of its struct types, or a package-level variable — and the
// reader must store into a map of that identity, in a loop, under a key
// decoded from input (a []byte parameter, a reader such as a file or a
// bufio.Reader, or what json.Unmarshal or a json.Decoder decoded from
// one), or call in such a loop, with a decoded argument, a helper of the
// package that stores under that argument (a timer wheel's Decode calling
// hw.Add(seq, ts)): each record goes back under its own key, so the
// written order is gone. Only the stream is exempt: bytes written or
// encoded to a writer that is not a package-level variable, or a []byte
// returned. Printing, logging, hashing, a write to os.Stdout, and text
// returned as a string (a String method) stay reported, as does a map read
// back into a list, or filled from another map rather than decoded.
//
// The two ends may also be tied by the type of the items: a writer that
// lists a map's values as records of a type of the package (nats-server's
// meta snapshot, a list of writeableStreamAssignment encoded as JSON), or
// ranges over a map of such values (a stream state's sources), and a
// reader that, in a loop, puts each record it decodes into a map, under a
// decoded key computed from the record or as the map's value of that
// type: the reader may fill a fresh map it returns, or another struct's
// map. A reader that also appends the records to a list keeps their
// order, and the writer stays reported.
//
// A send to a pool of workers (goroutines started in a loop of the same
// function that receive from the channel) is not reported: the workers
// handle the values concurrently, whatever the order of the sends. Nor, by
// default, is a loop whose body draws random numbers (the Random rows of
// internal/apis: math/rand, math/rand/v2, crypto/rand, or a function that
// returns what they draw, also from another package: a fact carries it):
// its output differs from run to run by design.
//
// Names are not read: no identifier, package path element, comment or
// doc wording silences a finding (a doc comment saying a result has no
// particular order leaves it to the callers, as for any function). Where
// the order is intended, say so with //maplint:ignore iterorder <reason>.
//
// The fix: where the map's key type is ordered (cmp.Ordered), it visits the
// keys in sorted order, reading the value in the body, in the form the
// file's Go version allows. From Go 1.23 it ranges over the sorted keys:
//
//	for _, k := range slices.Sorted(maps.Keys(m)) {
//		v := m[k]
//		...
//	}
//
// In Go 1.21 and 1.22, which have slices.Sort but not maps.Keys, it collects
// the keys into a slice, sorts it and ranges over it:
//
//	keys := make([]string, 0, len(m))
//	for k := range m {
//		keys = append(keys, k)
//	}
//	slices.Sort(keys)
//	for _, k := range keys {
//		v := m[k]
//		...
//	}
//
// Before Go 1.21 it sorts the slice with sort.Strings, sort.Ints or
// sort.Float64s for those key types, and for other ordered ones with
// sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] }). It
// adds the imports it needs, the key type's package too if not imported.
//
// The fix writes the map expression again: in v := m[k] and, before Go
// 1.23, in the loop that collects the keys. A map expression other than a
// variable or a chain of field selections (a call, an index such as
// model["p"]) is then first stored in a variable, where the range
// evaluated it, so that it is evaluated once as before:
//
//	m := load()
//	for _, k := range slices.Sorted(maps.Keys(m)) {
//		v := m[k]
//
// A loop that reads the key only over such an expression needs no
// variable from Go 1.23: for _, name := range
// slices.Sorted(maps.Keys(AvailableFormatters())) calls it once.
//
// Where there is no fix, the message ends with why, after "; no fix: ",
// which every output shows (golangci-lint prints no related information):
//
//	for p, n := range counts { // result depends on map iteration order: ...; no fix: keys of type point are not ordered; sort them with slices.SortFunc and a comparison that suits them
//
// The reasons:
//
//   - the keys are not ordered (structs, pointers, interfaces), as above
//     (the message names sort.Slice before Go 1.21);
//   - the body changes entries of the map (assigns, deletes, clears):
//     a range skips an entry deleted before it reaches it and may visit
//     one added, which keys sorted before the loop do not follow; or the
//     body reads values and assigns the map variable, or a variable or
//     field it is read through (s of s.m): m[k] would read the new map;
//   - the range assigns variables declared outside the loop (=);
//   - the range is over an iterator that yields a map's entries in map
//     order (IterFact): sort the keys where it ranges over the map;
//   - the fix would declare variables before the loop (the stored map
//     expression, the slice of keys) in a function with a goto, which may
//     not jump over them;
//   - before Go 1.23, the slice of keys cannot be declared: its key type
//     is an instance of a generic type, unexported in another package, or
//     in an internal package this one cannot import, or its name, make,
//     len or append means something else where the loop is;
//   - the file is generated (the fix would be lost when it is generated
//     again), or its Go version is not known.
//
// # Order-free consumers of other libraries
//
// Some libraries consume what they are given in any order: the pass
// cannot know them, so a project names them with -iterorder.orderfree
// (Config.OrderFree), a comma-separated list of types ("path.Type": values
// of the type, or pointers, slices and channels of them, are not followed)
// and functions ("path.Func", "path.Type.Method": their arguments are not
// followed). Prometheus, whose discovery manager keys target groups by
// Source, whose scrape pool keys targets by their labels, and whose
// registry sorts what a collector sends, would set:
//
//	-iterorder.orderfree=github.com/prometheus/prometheus/discovery/targetgroup.Group,github.com/prometheus/common/model.LabelSet,github.com/prometheus/client_golang/prometheus.Metric
//
// or, in .golangci.yml, passes: {iterorder: {orderfree: "..."}}.
//
// With -iterorder.strict (Config.Strict) the pass also reports sinks that,
// on real code (caddy, grpc, client-go, prometheus, go-ethereum), were
// deliberate or harmless: logging (log, log/slog: per-entry log lines),
// slices appended to or stored in fields and globals (also an unexported
// field of a returned struct literal whose type has methods, return
// &Zones{names: names}: the object's state, which only the package reads,
// as after z.names = names; a struct without methods is a record whose
// fields are the result), floating-point and
// complex sums (rounding in the last bits: sizes and metrics), keeping an
// arbitrary element (for k := range m { first = k; break }, or
// { return k }: picking any one element is nearly always what the code
// means), returning on a match that more than one entry can satisfy (for
// k, v := range m { if v > 10 { return k } }, or under a predicate whose
// body the pass cannot see, such as an interface method:
// if p.match(req) { return name }), sending on a channel (the element, a
// slice of them, or through a helper that sends its argument), and loops
// that draw random numbers. Use it for code that must be reproducible
// byte for byte.
//
// The line between the default and -strict was drawn on the precision of
// each sink on modules nobody had tuned the pass on (gin, coredns, helm,
// kubectl, zap, viper, hcl, urfave/cli: 49 findings judged against the
// code, 16 real). A slice returned, or built into text and returned: 10
// real of 31; text (4 of 4) stays a sink, a list (6 of 24: its consumers
// were out of sight) became the propagation above; written, printed or
// encoded: 5 of 7; passed to a helper that writes it: 1 of 3; sent on a
// channel: 0 of 2 (and none of the corpus's sends was real either:
// Prometheus target groups and metrics, pools of workers); returned on a
// match: 0 of 6, and 1 of 1 on the corpus (grpc's rbac engine, whose first
// matching policy names the deny: real, now reported only with -strict).
// The default's other false positives are consumers out of sight (see the
// known limitations), not a kind of sink.
//
// Silent: integer sums and counts, min/max and arg-max with a tie-break (if v >
// best || v == best && k < who), boolean any/all flags, building another map or
// set, deleting, membership and lookups: anything done under an equality
// between the loop's key and a value the loop does not change (if path ==
// joinPath("__root__", "head") { result = c + "\n" + result }, switch k { case
// "total": ... }: keys are distinct, so at most one entry gets there; the value
// is built from constants, local variables the loop neither declares nor
// assigns, and calls of functions of the package whose body only computes from
// their arguments; an equality on the value, if v.Kind == kind, filters many
// entries and stays reported), a return guarded by an equality between the
// element and a value from outside the loop (if k == name { return v }; if v.ID
// == id { return v }, which assumes identities are unique; also as if k != name
// { continue } before the return: the guards are the If edges that dominate
// it), by an interval of the element holding such a value (if off >= v.Start &&
// off < v.End, which assumes the intervals disjoint), or by a call of a
// predicate whose body is one such comparison of its operands (a.hasName(name),
// a.Range.ContainsPos(pos), also from another package: a fact carries it),
// slices sorted before use, ranging over slices.Sorted(maps.Keys(m)),
// statements inside function literals (they run at a time of their own) and
// function literals handed to a queue or sent on a channel as work, output in
// dead code (reached only through an edge that a constant condition never
// takes: if debug { ... } with const debug = false), and which error is
// returned or written when several entries fail (a sink from which every path
// returns a non-nil error, not the error of an encoder or writer, nor that of a
// call with several results passed on unchecked: return enc.Encode(out) is
// reported; or that ends in a call that never returns, fmt.Printf("invalid %q",
// p); os.Exit(1), also through a helper the ctrlflow analyzer finds never
// returns): the outcome — a failure — does not depend on the order, only which
// entry it names, and reporting it would flag most validation loops. The same
// holds after the loop for an error made of one element the list holds at a
// constant index, returned on such a path (f := bad[0]; return
// fmt.Errorf("field %q cannot discriminate", f.name), as ogen's sum type
// generator does); an error listing the whole list stays reported.
//
// Test files are analysed only in the Example functions go test runs,
// whose output it compares: tests that pick any element of a map, or
// report failures per entry with t.Errorf, do not depend on which comes
// first. go test runs an example only when go/doc finds an output comment
// in it; one without is compiled and never run, so what it prints reaches
// no one. An example whose output is "Unordered output:" is compared as a
// set of lines: a print or write in the loop's body, a line per entry, is
// not reported there, while a list built in map order and printed as one
// line is. A test helper outside test files, a function given a test handle
// (testing.TB, *testing.T, *testing.B, *testing.F: the TestOnly rows of
// internal/apis; only the testing package makes them, for go test), is test
// code too (internal/testenv's WriteImportcfg). Likewise a test that calls
// a function does not show its result, except to a comparison in order with
// a fixed list (the SameOrder rows of internal/apis: reflect.DeepEqual,
// slices.Equal, go-cmp's Equal and Diff, testify's Equal): such a test is
// flaky, and the loop (or, from an external test package, the call) is
// reported. A comparison as a set (ElementsMatch), after a sort, or with a
// list literal of one element is not; nor is a comparison of an element of
// a list the test asserted to hold one element on every path to it
// (require.Len(t, ps, 1), the LenIs rows of internal/apis, or
// if len(ps) != 1 { t.Fatalf(...) }, or inside if len(ps) == 1, before
// ps[0].Extensions is compared): past the assertion the test has failed
// whatever the order, or the one element has none to come before it. A
// function that retries by calling itself and returns the call's result
// hands the list to its own callers, who decide.
//
// # Known limitations
//
// Slices kept per key of another map (groups[g] = append(groups[g], k))
// are not followed; nor are slices passed to functions without a fact
// (including constructors that keep them in a struct), compared in a
// test's own map loop or inside a test helper (checkKeys(t, got, want)),
// or compared outside tests. Facts are not transitive: a helper that calls
// a writing helper gets no fact. The callers of an exported function of an
// internal package are not judged: they are in other packages, and no fact
// carries the order to them. A list returned by an exported function whose
// consumer is in another module (a server list that a framework starts in
// order) is found only when that module is analysed with the library, or
// with -strict; so is one whose consumer is a test of another package that
// does not compare it in order, a method registered by reflection (an RPC
// service), or a caller beyond the depth bound. A sort is recognised
// anywhere after the loop, even on a branch that does not reach every use,
// or on one path of a function the list goes through (a limit that sorts
// only when asked for the smallest values): a caller that takes another
// path is not followed. Closures are not followed. An unexported method
// called through an interface is taken to have all its callers in sight.
//
// Consumers the pass cannot see decide some findings, and no principled
// rule tells them apart, so they are reported:
//
//   - a list sent, or returned and then shown by a caller in another
//     package, whose consumers treat it as a set (hcl's WalkVariablesNode.Visit
//     traversals, DNS resource records in a response section or a zone
//     transfer); the project names such types with -iterorder.orderfree
//     (coredns would name github.com/miekg/dns.RR);
//   - a multimap re-encoded as a list of pairs (grpc's binary log of
//     metadata.MD), which its readers fold back into a multimap: the same
//     shape as a listing whose order shows;
//   - a map's pairs encoded into a wire message whose peer, in another
//     program, parses them back into a map (a Redis command's PARAMS):
//     the same shape as the XML, JSON, text or hash of pairs that a person
//     reads or a digest compares, which are real; only the consumer tells
//     them apart. Where the package decodes the message itself, back into
//     the same map, it is a round trip (above);
//   - a round trip the pass does not link: a reader of records of a type
//     other than the writer's whose map holds neither (keys written as bare
//     strings and read into a map of strings in another struct), one that
//     parses a string parameter, stores more than one call deep, or a
//     writer that hands the pairs to a helper whose fact does not say they
//     reach only the writer it is given (one that writes its argument into
//     a writer parameter, as amqp091-go's writeLongstr does, says so: the
//     pairs reach a stream when that writer is one);
//   - protocol lines a peer in another program registers as a set
//     (nats-server's RS+ interest lines to a gateway): the reader is not
//     in the package, or parses the line in a state machine whose store
//     into the interest table the pass does not link to the writer;
//   - a choice among tied entries where any is right (a guess of the next
//     leader among peers with equal logs): the pass cannot tell a tie
//     that does not matter from one that does, and reports both (the
//     issue's arg-max bugs are of the second kind), unless the ranking is
//     live state (an atomic load, or a call that reads under a lock it
//     takes: sarama's least-loaded broker), which timing decides anyway;
//   - conversely, a round trip takes on trust that the stream written is
//     the one read back and that no one else reads it: a map dumped for
//     people through a writer parameter, in a package that also loads the
//     map from a stream, or a lock file that a tool reads back as a set
//     while people diff it under version control, is silent;
//   - output under a condition read at run time (an environment variable
//     that turns on debugging output, as urfave/cli's
//     CLI_TEMPLATE_ERROR_DEBUG): a condition does not say what its output
//     is for; //maplint:ignore iterorder says it where it is meant;
//   - in an example compared as a set of lines, a print in the loop's
//     body that does not end its line (fmt.Print(k, " ")) is missed;
//   - a result made random on purpose outside the loop body (an inner
//     loop whose keys the outer loop pads with random ones): only random
//     values drawn in the body itself are recognised.
package iterorder
