package iterorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
)

// A sinkKind says how a call makes its data observable.
type sinkKind int

const (
	noSink      sinkKind = iota
	printSink            // fmt.Print*: standard output
	writeSink            // an io.Writer, fmt.Fprint*, io.WriteString, binary.Write
	logSink              // log and log/slog
	encodeSink           // json, gob, xml encoders and csv writers
	hashSink             // a hash.Hash
	fileSink             // os.WriteFile: the whole content of a file named by a string
	compareSink          // reflect.DeepEqual, testify's Equal: a test's verdict, in a test that calls the function
	sendSink             // http.NewRequest, http.Post: the whole body of a request to another program
)

// A sinkCall is a call that makes some of its arguments observable in the
// order it is called.
type sinkCall struct {
	kind   sinkKind
	target ast.Expr   // the writer, encoder or hash; nil for print and log
	data   []ast.Expr // the arguments whose content becomes observable
	name   string     // how the message names the callee: "fmt.Println", "enc.Encode"
}

// classifySink returns what call does with its arguments, or a sinkCall of
// kind noSink. The callee's row in internal/apis decides (Output, Log,
// Encode, Hash; see apis.Row for where each row's destination is); a method
// of a writer type that has no row but implements the Write of io.Writer,
// or the WriteString or WriteByte that io.StringWriter and io.ByteWriter
// define beside it (apis.Contract), writes to its receiver by that
// contract.
// A write to a hash.Hash (a writer with Sum and BlockSize) is a hash.
func (c *checker) classifySink(call *ast.CallExpr) sinkCall {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return sinkCall{}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return sinkCall{}
	}
	var recvX ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
		recvX = sel.X
	}
	if sig.Recv() != nil && recvX == nil {
		return sinkCall{} // a method expression: not followed
	}
	name := fn.Pkg().Name() + "." + fn.Name()
	if recvX != nil {
		name = types.ExprString(recvX) + "." + fn.Name()
	}
	for _, r := range apis.Rows(fn.Origin()) {
		kind := sinkKindOf(r.Role)
		if kind == noSink {
			continue
		}
		if r.Arg >= len(call.Args) {
			return sinkCall{}
		}
		sc := sinkCall{kind: kind, data: call.Args[r.Arg:], name: name}
		switch {
		case kind == compareSink, kind == sendSink:
			// A verdict, not a destination: the test passes or fails.
			// Or a request's body, which leaves the program whole.
			// A verdict, not a destination: the test passes or fails.
		case recvX != nil:
			sc.target = recvX
		case kind == writeSink && r.Arg > 0 && isKind(c.info.TypeOf(call.Args[0]), types.IsString):
			// A file named by a string, written whole: no writer to follow.
			sc.kind = fileSink
		case r.Arg > 0:
			sc.target = call.Args[0]
		case kind == writeSink:
			sc.kind = printSink // standard output
		case kind == encodeSink || kind == hashSink:
			// json.Marshal, sha256.Sum256: the result is the encoding or
			// digest, followed as a value derived from the data.
			return sinkCall{}
		}
		if kind == writeSink && sc.target != nil && isHash(c.info.TypeOf(sc.target)) {
			sc.kind = hashSink
		}
		return sc
	}
	if recvX == nil {
		return sinkCall{}
	}
	if _, ok := apis.Contract(fn, apis.Output); !ok {
		return sinkCall{}
	}
	t := c.info.TypeOf(recvX)
	if t == nil {
		return sinkCall{}
	}
	switch {
	case isHash(t):
		return sinkCall{kind: hashSink, target: recvX, data: call.Args, name: name}
	case isWriter(t):
		return sinkCall{kind: writeSink, target: recvX, data: call.Args, name: name}
	}
	return sinkCall{}
}

// sinkKindOf maps a role of the API table to the sink it makes.
func sinkKindOf(r apis.Role) sinkKind {
	switch r {
	case apis.Output:
		return writeSink
	case apis.Log:
		return logSink
	case apis.Encode:
		return encodeSink
	case apis.Hash:
		return hashSink
	case apis.SameOrder:
		return compareSink
	case apis.Send:
		return sendSink
	}
	return noSink
}

// recvNamed returns "pkgpath.Name" of the named type t or *t, or "".
func recvNamed(t types.Type) string {
	tn := namedOf(t)
	if tn == nil || tn.Pkg() == nil {
		return ""
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

// isWriter reports whether t (or *t) has the method Write([]byte) (int, error).
func isWriter(t types.Type) bool {
	return hasMethod(t, "Write", func(sig *types.Signature) bool {
		return sig.Params().Len() == 1 && sig.Results().Len() == 2 && isByteSlice(sig.Params().At(0).Type())
	})
}

// isHash reports whether t is a hash.Hash: a writer with Sum([]byte) []byte
// and BlockSize() int.
func isHash(t types.Type) bool {
	return isWriter(t) &&
		hasMethod(t, "Sum", func(sig *types.Signature) bool { return sig.Params().Len() == 1 && sig.Results().Len() == 1 }) &&
		hasMethod(t, "BlockSize", func(sig *types.Signature) bool { return sig.Params().Len() == 0 })
}

// isBuilder reports whether t is an in-memory writer (strings.Builder,
// bytes.Buffer: a Contents row of internal/apis), or a pointer to one,
// whose content only matters if it leaves the function.
func isBuilder(t types.Type) bool {
	return apis.TypeHas(t, apis.Contents)
}

func hasMethod(t types.Type, name string, ok func(*types.Signature) bool) bool {
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, isFunc := obj.(*types.Func)
	if !isFunc {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && ok(sig)
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// isSortCall reports whether call sorts one of its operands in place, and
// which: a Sort row of internal/apis (sort.Strings, slices.SortFunc,
// sort.StringSlice's Sort, heap.Init), or a function that sorts one of its
// parameters or its receiver with one (see sorters; a SortFact for a
// function of another package).
func (c *checker) isSortCall(call *ast.CallExpr) (sorted ast.Expr, ok bool) {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return nil, false
	}
	fn = fn.Origin()
	if r, ok := apis.Find(fn, apis.Sort); ok {
		return operand(call, r.Arg)
	}
	if r, ok := apis.Find(fn, apis.Shuffle); ok {
		// A shuffle leaves no trace of map order: the slice its swap
		// function exchanges is in a random order, by design.
		if swap, ok := operand(call, r.Arg); ok {
			return swapped(swap)
		}
		return nil, false
	}
	if i, ok := c.sorterParam(fn); ok {
		return operand(call, i)
	}
	return nil, false
}

// swapped returns the slice that the swap function literal fn exchanges
// two elements of (s[i], s[j] = s[j], s[i], as swapOf reads it).
func swapped(fn ast.Expr) (ast.Expr, bool) {
	lit, ok := ast.Unparen(fn).(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return nil, false
	}
	x := swapOf(lit.Body.List[0])
	return x, x != nil
}

// operand returns the expression of call's argument i, or its receiver for
// apis.Recv.
func operand(call *ast.CallExpr, i int) (ast.Expr, bool) {
	if i == apis.Recv {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		return sel.X, true
	}
	if i < 0 || i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}

// carriesOrder reports whether a value of type t can hold a sequence of
// elements in an order: strings, slices, arrays, channels, iterators, and
// tuples with one of them.
func carriesOrder(t types.Type) bool {
	if t == nil {
		return false
	}
	if tup, ok := t.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if carriesOrder(v.Type()) {
				return true
			}
		}
		return false
	}
	if types.IsInterface(t) && implementsError(t) {
		// An error built from ordered parts (errors.Join(errs...),
		// errors.New(strings.Join(problems, ", "))): its text lists them.
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice, *types.Array, *types.Chan, *types.Signature:
		return true
	case *types.Pointer:
		// A struct built by a function from the slice is not followed
		// (newSet(keys), &T{} returned by a constructor); a struct literal
		// that holds it (&T{keys: out}) is, by the expression itself.
		_, isStruct := u.Elem().Underlying().(*types.Struct)
		return !isStruct && carriesOrder(u.Elem())
	}
	return false
}
