package apis

import (
	"cmp"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A Role is what a call does that a pass cares about.
type Role uint8

const (
	_ Role = iota

	// Maps.
	MapWrite         // writes into the map at Arg (for concurrency; whether a nil map panics is MapFill's row)
	MapRead          // reads the map at Arg
	DeepRead         // reads every map inside the value at Arg (a struct holding maps, or the values of a variadic ...any)
	DeepReadExported // reads every map in the exported fields of the value at Arg (encoders), but those its package's TagOmits row leaves out
	NilIfNil         // returns nil when the map at Arg is nil
	NonNilMap        // returns a non-nil map whatever its arguments
	Decode           // decodes into what the pointer at Arg points to; a map there stays nil for empty input or an error
	DecodeFields     // decodes into what the pointer at Arg points to and makes a map there, but a map field of a struct there stays nil when the input has none
	FetchInto        // fills the object the pointer at Arg points to from a server (or a cache of it): a map field of the object stays nil when the object has none
	FetchedResult    // returns (first) an object read from a server: a map field of the object is nil when the object has none
	NilFieldsCopy    // returns a copy of the value at Arg whose map fields are nil where the original's are (a generated DeepCopy)
	SelfDecoder      // an interface method that the decoders of its package (and the Kubernetes API machinery, for FetchInto) call on a value implementing it instead of filling its fields
	MapFill          // adds entries to the map at Arg: panics when that map is nil and there is something to add
	FillFrom         // the entries a MapFill row of the same function adds come from the map or sequence at Arg
	Entries          // returns a sequence of exactly the entries of the map at Arg (empty when the map is)
	Format           // the string at Arg is a fmt format: its verbs say how each operand after it is used (%p, %T read nothing)
	// TagOmits is a row about a struct tag key, not a function: Pkg is
	// the package whose encoders read the key, Name the key. A field
	// whose tag under that key is exactly "-" is never encoded by them
	// (see Encodes).
	TagOmits

	// Order.
	Sort      // sorts the slice (or sort.Interface) at Arg in place
	Sorted    // returns a sorted slice of what Arg yields
	Shuffle   // permutes at random the slice whose elements the swap function at Arg exchanges: the order it had before is gone
	OrderFree // consumes the items at Arg in a way that does not depend on their order
	// OrderFreeField is a row about a struct field, not a function: Type
	// is the struct's type name, Name the field's; what the field holds
	// is consumed in a way that does not depend on its order (see
	// FindField).
	OrderFreeField
	Random     // returns (or fills Arg with) random values: output built from them differs from run to run by design
	Equal      // reports whether its two operands (Arg and the one after it, or the receiver and Arg) are equal
	SameOrder  // compares its operands from Arg on, in which slices are equal only with equal elements in the same order: a test comparing a list built in map order with a fixed one fails at random
	TestOnly   // a method of the handle that only the testing package makes: a function given such a handle runs under go test
	Message    // formats a message or an error from the arguments from Arg (one text, made once)
	SortView   // returns a view of the sort.Interface at Arg whose sorting sorts Arg (sort.Reverse)
	IterKeys   // returns an iterator over the keys of the map at Arg, in map order
	IterValues // returns an iterator over the values of the map at Arg, in map order
	IterPairs  // returns an iterator over the key-value pairs of the map at Arg, in map order
	Contents   // returns what was written to the receiver, which keeps its writes in memory
	Clear      // discards what was written to the receiver (a hash or a buffer starts anew)
	Affix      // reports whether the string at Arg begins (or ends, as the row says) the other operand: two such affixes of one string with the same length are the same string

	// Output of the program: order that reaches them is observable.
	Output // writes the arguments from Arg on to an output the program shows (a writer, a terminal, a log)
	Hash   // feeds the bytes at Arg into a hash
	Encode // serialises the value at Arg
	Log    // writes the arguments from Arg on to a log (lines that interleave with other goroutines' lines)
	Send   // sends what the reader at Arg yields to another program as the whole body of one message (an HTTP request)

	// The destination of an Output, Hash, Encode or Log row is the
	// receiver for a method, argument 0 for a function whose Arg is not
	// 0 (fmt.Fprintf(w, ...)), and the program's standard output or the
	// default logger for a function whose Arg is 0 (fmt.Println).

	// Goroutines.
	Spawn        // runs the function at Arg in a new goroutine
	SpawnTimer   // runs the function at Arg in a new goroutine later (a timer or a context's end)
	SpawnPerCall // registers the function or handler at Arg to run in a goroutine per request
	ServePerCall // registers the value at Arg as a service: each call of its methods runs in a goroutine of its own
	SpawnSubtest // runs the function at Arg, in parallel with its siblings once it calls Parallel
	Parallel     // marks the running test as parallel
	Wait         // waits for the goroutines started through the receiver to end
	Done         // signals the receiver's Wait: what the caller did before it happens before that Wait returns
	Lock         // acquires the lock at Arg for writing
	Unlock       // releases the write lock at Arg
	RLock        // acquires the lock at Arg for reading
	RUnlock      // releases the read lock at Arg
	TryLock      // acquires the write lock at Arg when its result is true
	TryRLock     // acquires the read lock at Arg when its result is true
	LiveLoad     // returns the current value of state that other goroutines change (an atomic load)
	NoReturn     // never returns to its caller (ends the goroutine or the program)
	NonNilError  // returns (last) an error that is never nil
	RunOnce      // runs the function at Arg at most once; every call waits until it has returned
	CallsNothing // calls no code of its caller's (no callback, no method of its arguments): it cannot take the caller's locks
	Describes    // an interface method that the functions of its package (fmt, encoding/json) call on a value implementing it instead of walking its fields
	ServedMethod // an interface method whose implementations a server calls in a goroutine per request (see Implements)

	// The runtime's private map implementation.
	MapLayout  // is part of the runtime's map implementation (a //go:linkname target)
	RawPointer // returns the raw pointer the value at Arg holds (for a map, its runtime header)
	Reflects   // returns a reflect.Value holding the value at Arg

	// Keyed containers.
	KeyedEntry // returns (first) the value stored under the key at Arg in the receiver: one entry of a keyed container, shared only by the callers asking for that key

	// Tests.
	LenIs // a test assertion that the collection at Arg has the length given by the argument after it: past it, the test has failed unless the length is that

	// Functions handed to a package that calls them (see callbacks.go).
	OrderFreeResults // the package calls the function at Arg and uses the lists it returns in any order, unless a result of the type of the package's KeepOrder constant carries that constant's bits
	// OrderFreeResultsField is OrderFreeResults for the function held in
	// a struct field (a row about a field, as OrderFreeField).
	OrderFreeResultsField
	KeepOrder // a row about a constant, not a function: set in a result of its type, its bits ask the package to keep the order of the lists returned with it
)

// Recv is the Arg of a row about a method's receiver.
const Recv = -1

// A Row is one fact about one function or method.
type Row struct {
	Pkg  string // package path
	Type string // receiver's type name (without *), or "" for a function
	Name string
	Role Role
	Arg  int    // the argument the role concerns; Recv for the receiver
	Why  string // why the row holds
}

type key struct{ pkg, typ, name string }

// table indexes rows by identity. It is built once by init and only read
// after that.
var table = func() map[key][]Row {
	m := make(map[key][]Row)
	for _, group := range [][]Row{mapRows, sortRows, shuffleRows, concurrencyRows, noReturnRows, outputRows, hashRows, encodeRows, logRows, sendRows, randomRows, equalRows, affixRows, sameOrderRows, lenIsRows, orderFreeRows, testOnlyRows, messageRows,
		layoutRows, iterRows, bufferRows, fieldRows, callbackRows, errorRows} {
		for _, r := range group {
			k := key{r.Pkg, r.Type, r.Name}
			m[k] = append(m[k], r)
		}
	}
	return m
}()

// named holds the names that rows give. Most functions a pass asks about
// have none: Rows answers them without building a key from their package
// path (Rows was 0.9 s of a 34 s CPU profile of a cold run on caddy). A
// method that standsFor a sync method has that method's name, so it is
// covered too. Built once by init and only read after that.
var named = func() map[string]bool {
	m := make(map[string]bool)
	for k := range table {
		m[k.name] = true
	}
	return m
}()

// Rows returns the rows about fn, in table order. A method of an interface
// that stands for a sync type (see standsFor) has the rows of that type's
// method.
func Rows(fn *types.Func) []Row {
	if fn == nil || fn.Pkg() == nil || !named[fn.Name()] {
		return nil
	}
	if rows := table[key{fn.Pkg().Path(), recvName(fn), fn.Name()}]; rows != nil {
		return rows
	}
	if m := standsFor(fn); m != nil {
		return table[key{m.Pkg().Path(), recvName(m), m.Name()}]
	}
	return nil
}

// Find returns the row of fn for role.
func Find(fn *types.Func, role Role) (Row, bool) {
	for _, r := range Rows(fn) {
		if r.Role == role {
			return r, true
		}
	}
	return Row{}, false
}

// FindField returns the row for role of the field named field of the
// struct type that owner (the type of the selector's operand, a pointer
// or not) names.
func FindField(owner types.Type, field *types.Var, role Role) (Row, bool) {
	if field == nil || !field.IsField() || field.Pkg() == nil || !named[field.Name()] {
		return Row{}, false
	}
	t := types.Unalias(owner)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() != field.Pkg() {
		return Row{}, false
	}
	for _, r := range table[key{field.Pkg().Path(), n.Obj().Name(), field.Name()}] {
		if r.Role == role {
			return r, true
		}
	}
	return Row{}, false
}

// Callee returns the function or interface method that call calls, or nil
// for calls of function values and builtins. An instantiation of a generic
// function is reported as its generic origin (see StaticCallee).
func Callee(call *ssa.CallCommon) *types.Func {
	if call.IsInvoke() {
		return call.Method
	}
	fn := StaticCallee(call)
	if fn == nil {
		return nil
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// StaticCallee returns the function whose body, summary and facts a static
// call uses: the call's static callee, or for an instantiation of a generic
// function its generic origin; nil for calls of function values, interface
// methods and builtins. Built without ssa.InstantiateGenerics (buildssa's
// mode), an instantiation such as (*transactionStore[*ServerTx]).lock has
// parameters but no body, is not among the package's source functions and
// has no fact of its own: the origin holds the body, every analysis of the
// package is keyed on it, and facts are exported on its object. Its
// parameters correspond one to one with the instantiation's, so a summary
// naming them ($0.mu) is made concrete with the call's arguments as for any
// other call.
func StaticCallee(call *ssa.CallCommon) *ssa.Function {
	return Origin(call.StaticCallee())
}

// Origin returns the generic function that fn instantiates, or fn (nil for
// nil).
func Origin(fn *ssa.Function) *ssa.Function {
	if fn == nil {
		return nil
	}
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// Of returns the row of call's callee for role.
func Of(call *ssa.CallCommon, role Role) (Row, bool) {
	return Find(Callee(call), role)
}

// Arg returns the value of call's argument n (Recv for the receiver), or nil
// when the call has no such argument.
func Arg(call *ssa.CallCommon, n int) ssa.Value {
	if call.IsInvoke() {
		if n == Recv {
			return call.Value
		}
		return at(call.Args, n)
	}
	if fn := call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		return at(call.Args, n+1) // Args[0] is the receiver
	}
	if n == Recv {
		return nil
	}
	return at(call.Args, n)
}

func at(vs []ssa.Value, i int) ssa.Value {
	if i < 0 || i >= len(vs) {
		return nil
	}
	return vs[i]
}

// Identity returns the package path, receiver type name ("" for a
// function) and name of fn: the key of its rows, for options that name
// functions the same way as the table does.
func Identity(fn *types.Func) (pkg, typ, name string) {
	if fn == nil || fn.Pkg() == nil {
		return "", "", ""
	}
	return fn.Pkg().Path(), recvName(fn), fn.Name()
}

// recvName returns the name of fn's receiver type, without pointer, or "".
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// Implements returns the row for role of the interface method that fn, a
// method of a concrete type, implements: a row about (net/http.Handler).ServeHTTP
// concerns every ServeHTTP method of a type that implements http.Handler.
// The interface is looked up among the packages fn's package imports.
func Implements(fn *types.Func, role Role) (Row, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil {
		return Row{}, false
	}
	if _, isIface := sig.Recv().Type().Underlying().(*types.Interface); isIface {
		return Row{}, false
	}
	for _, r := range byRole[role] {
		if r.Type == "" || r.Name != fn.Name() {
			continue
		}
		iface, ok := lookupInterface(fn.Pkg(), r.Pkg, r.Type)
		if !ok || !types.Implements(sig.Recv().Type(), iface) {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(sig.Recv().Type(), true, fn.Pkg(), r.Name); m == fn {
			return r, true
		}
	}
	return Row{}, false
}

// lookupInterface finds the interface type typ of package path among the
// packages that from imports, directly or not.
func lookupInterface(from *types.Package, path, typ string) (*types.Interface, bool) {
	seen := make(map[*types.Package]bool)
	work := []*types.Package{from}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		if p.Path() == path {
			tn, ok := p.Scope().Lookup(typ).(*types.TypeName)
			if !ok {
				return nil, false
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			return iface, ok
		}
		work = append(work, p.Imports()...)
	}
	return nil, false
}

// byRole indexes the rows by role. It is built once by init and only read
// after that.
var byRole = func() map[Role][]Row {
	m := make(map[Role][]Row)
	for _, rows := range table {
		for _, r := range rows {
			m[r.Role] = append(m[r.Role], r)
		}
	}
	for _, rows := range m {
		slices.SortFunc(rows, func(a, b Row) int {
			return cmp.Or(cmp.Compare(a.Pkg, b.Pkg), cmp.Compare(a.Type, b.Type), cmp.Compare(a.Name, b.Name))
		})
	}
	return m
}()

// DescribedBy reports whether consumer (fmt.Sprintf, json.Marshal) calls a
// method of a value of type t instead of walking its fields: t implements
// an interface of consumer's package with a Describes row (fmt.Stringer).
func DescribedBy(consumer *types.Func, t types.Type) bool {
	if consumer == nil || consumer.Pkg() == nil {
		return false
	}
	for _, r := range byRole[Describes] {
		if r.Pkg != consumer.Pkg().Path() {
			continue
		}
		if iface, ok := lookupInterface(consumer.Pkg(), r.Pkg, r.Type); ok && types.Implements(t, iface) {
			return true
		}
	}
	return false
}
