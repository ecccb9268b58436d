package iterorder

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A sinkKind says how a call makes its data observable.
type sinkKind int

const (
	noSink     sinkKind = iota
	printSink           // fmt.Print*: standard output
	writeSink           // an io.Writer, fmt.Fprint*, io.WriteString, binary.Write
	logSink             // log and log/slog
	encodeSink          // json, gob, xml encoders and csv writers
	hashSink            // a hash.Hash
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
// kind noSink.
func (c *checker) classifySink(call *ast.CallExpr) sinkCall {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return sinkCall{}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return sinkCall{}
	}
	pkg, name := fn.Pkg().Path(), fn.Name()
	recv := sig.Recv()
	var recvX ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && recv != nil {
		recvX = sel.X
	}
	qualified := func() string {
		if recvX != nil {
			return types.ExprString(recvX) + "." + name
		}
		return fn.Pkg().Name() + "." + name
	}
	args := call.Args
	if recv == nil {
		switch pkg {
		case "fmt":
			switch name {
			case "Print", "Println", "Printf":
				return sinkCall{kind: printSink, data: args, name: qualified()}
			case "Fprint", "Fprintln", "Fprintf":
				if len(args) > 0 {
					return sinkCall{kind: writeSink, target: args[0], data: args[1:], name: qualified()}
				}
			}
		case "io":
			if name == "WriteString" && len(args) == 2 {
				return sinkCall{kind: writeSink, target: args[0], data: args[1:], name: qualified()}
			}
		case "encoding/binary":
			if name == "Write" && len(args) == 3 {
				return sinkCall{kind: writeSink, target: args[0], data: args[2:], name: qualified()}
			}
		case "log":
			if isLogName(name) {
				return sinkCall{kind: logSink, data: args, name: qualified()}
			}
		case "log/slog":
			if isSlogName(name) {
				return sinkCall{kind: logSink, data: args, name: qualified()}
			}
		}
		return sinkCall{}
	}
	if recvX == nil {
		return sinkCall{}
	}
	switch recvNamed(recv.Type()) {
	case "log.Logger":
		if isLogName(name) {
			return sinkCall{kind: logSink, data: args, name: qualified()}
		}
		return sinkCall{}
	case "log/slog.Logger":
		if isSlogName(name) {
			return sinkCall{kind: logSink, data: args, name: qualified()}
		}
		return sinkCall{}
	case "encoding/json.Encoder", "encoding/gob.Encoder":
		if name == "Encode" || name == "EncodeValue" {
			return sinkCall{kind: encodeSink, target: recvX, data: args, name: qualified()}
		}
		return sinkCall{}
	case "encoding/xml.Encoder":
		if strings.HasPrefix(name, "Encode") {
			return sinkCall{kind: encodeSink, target: recvX, data: args, name: qualified()}
		}
		return sinkCall{}
	case "encoding/csv.Writer":
		if name == "Write" || name == "WriteAll" {
			return sinkCall{kind: encodeSink, target: recvX, data: args, name: qualified()}
		}
		return sinkCall{}
	}
	switch name {
	case "Write", "WriteString", "WriteByte", "WriteRune":
	default:
		return sinkCall{}
	}
	t := c.info.TypeOf(recvX)
	if t == nil {
		return sinkCall{}
	}
	switch {
	case isHash(t):
		return sinkCall{kind: hashSink, target: recvX, data: args, name: qualified()}
	case isWriter(t):
		return sinkCall{kind: writeSink, target: recvX, data: args, name: qualified()}
	}
	return sinkCall{}
}

// isLogName reports whether name is one of the printing functions of
// package log (and methods of *log.Logger).
func isLogName(name string) bool {
	for _, p := range []string{"Print", "Fatal", "Panic"} {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest == "f" || rest == "ln") {
			return true
		}
	}
	return false
}

// isSlogName reports whether name is one of the logging functions of
// log/slog (and methods of *slog.Logger).
func isSlogName(name string) bool {
	switch strings.TrimSuffix(name, "Context") {
	case "Debug", "Info", "Warn", "Error", "Log", "LogAttrs":
		return true
	}
	return false
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

// isBuilder reports whether t is strings.Builder or bytes.Buffer, or a
// pointer to one: in-memory writers whose content only matters if it leaves
// the function.
func isBuilder(t types.Type) bool {
	switch recvNamed(t) {
	case "strings.Builder", "bytes.Buffer":
		return true
	}
	return false
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

// isSortCall reports whether call sorts its first argument in place:
// sort.Strings/Ints/Float64s/Sort/Stable/Slice/SliceStable,
// slices.Sort/SortFunc/SortStableFunc, a Sort method (sort.StringSlice(s).Sort()),
// or a function of the package whose name says it sorts (sortKeys(keys)).
// For a method, the sorted value is the receiver.
func (c *checker) isSortCall(call *ast.CallExpr) (sorted ast.Expr, ok bool) {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return nil, false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && fn.Name() == "Sort" {
			return sel.X, true
		}
		if len(call.Args) > 0 && strings.Contains(strings.ToLower(fn.Name()), "sort") {
			return call.Args[0], true // p.sortUnits(units)
		}
		return nil, false
	}
	if len(call.Args) == 0 {
		return nil, false
	}
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "sort":
			switch fn.Name() {
			case "Strings", "Ints", "Float64s", "Sort", "Stable", "Slice", "SliceStable":
				return call.Args[0], true
			}
			return nil, false
		case "slices":
			switch fn.Name() {
			case "Sort", "SortFunc", "SortStableFunc":
				return call.Args[0], true
			}
			return nil, false
		case "container/heap":
			if fn.Name() == "Init" {
				return call.Args[0], true // ordered by the heap from here on
			}
			return nil, false
		}
	}
	if strings.Contains(strings.ToLower(fn.Name()), "sort") {
		return call.Args[0], true
	}
	return nil, false
}

// isSortedResult reports whether call returns its input in sorted order
// (slices.Sorted, slices.SortedFunc, slices.SortedStableFunc), so its result
// no longer carries map order.
func (c *checker) isSortedResult(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "slices" {
		return false
	}
	switch fn.Name() {
	case "Sorted", "SortedFunc", "SortedStableFunc":
		return true
	}
	return false
}
