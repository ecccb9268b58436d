package apis

import "go/types"

// bufferRows: in-memory writers, whose content matters only if it leaves
// the function, and the calls that start them anew.
var bufferRows = []Row{
	{"strings", "Builder", "String", Contents, Recv, "returns the text written to the builder, which keeps it in memory"},
	{"bytes", "Buffer", "Bytes", Contents, Recv, "returns the unread bytes written to the buffer, which keeps them in memory"},
	{"bytes", "Buffer", "String", Contents, Recv, "returns the unread bytes written to the buffer as a string"},
	{"strings", "Builder", "Reset", Clear, Recv, "empties the builder"},
	{"bytes", "Buffer", "Reset", Clear, Recv, "empties the buffer"},
	{"hash", "Hash", "Reset", Clear, Recv, "the hash.Hash contract: resets the hash to its initial state"},
}

// TypeHas reports whether the named type t (or the type *t points to) has
// a method, declared on it, with a row for role: a strings.Builder has a
// Contents row through its String method.
func TypeHas(t types.Type, role Role) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	for m := range n.Origin().Methods() {
		if _, ok := Find(m, role); ok {
			return true
		}
	}
	return false
}

// A contract is an interface method whose rows hold for every method that
// implements it: a type with no rows of its own that satisfies io.Writer
// writes to its receiver by the io.Writer contract.
type contract struct {
	key
	sig *types.Signature
}

// contracts lists the interface methods whose rows carry over to their
// implementations, with the signature an implementation has.
var contracts = func() []contract {
	byteSlice := types.NewSlice(types.Typ[types.Byte])
	errType := types.Universe.Lookup("error").Type()
	v := func(name string, t types.Type) *types.Var { return types.NewParam(0, nil, name, t) }
	sig := func(params, results []*types.Var) *types.Signature {
		return types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(results...), false)
	}
	nErr := []*types.Var{v("n", types.Typ[types.Int]), v("err", errType)}
	return []contract{
		{key{"io", "Writer", "Write"}, sig([]*types.Var{v("p", byteSlice)}, nErr)},
		{key{"io", "StringWriter", "WriteString"}, sig([]*types.Var{v("s", types.Typ[types.String])}, nErr)},
		{key{"io", "ByteWriter", "WriteByte"}, sig([]*types.Var{v("c", types.Typ[types.Byte])}, []*types.Var{v("", errType)})},
		{key{"hash", "Hash", "Reset"}, sig(nil, nil)},
	}
}()

// Contract returns the row for role of the interface method that the
// method fn implements (same name, identical signature), when fn has no
// row of its own: (*myWriter).Write is an Output by the io.Writer
// contract. The caller checks that the receiver is of the kind the
// contract is about (a writer, a hash).
func Contract(fn *types.Func, role Role) (Row, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return Row{}, false
	}
	for _, c := range contracts {
		if c.name != fn.Name() || !types.Identical(sig, c.sig) {
			continue
		}
		for _, r := range table[c.key] {
			if r.Role == role {
				return r, true
			}
		}
	}
	return Row{}, false
}
