package iterorder

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/orderflow"
)

// This file recognises a map written out to a stream that the package
// itself reads back into the same map: a round trip, whose written order
// no reader of the package can see.
//
//	func (s *Snapshotter) compact() error {           // the writer
//		buf := bufio.NewWriter(fh)
//		for name, addr := range s.aliveNodes {
//			buf.WriteString(fmt.Sprintf("alive: %s %s\n", name, addr))
//		}
//		...
//	}
//
//	func (s *Snapshotter) replay() error {            // the reader
//		r := bufio.NewReader(s.fh)
//		for {
//			line, err := r.ReadString('\n')
//			...
//			s.aliveNodes[name] = addr                 // name is parsed from line
//		}
//	}
//
// The rule links the two ends by the map's identity: a map type of the
// package (type Hstore map[string]*string), a field of a struct type of
// the package (Snapshotter.aliveNodes, StartupMessage.Parameters) or a
// package-level variable. The map is restored when a function of the
// package, in a loop, stores into a map of that identity under a key
// computed from input it decodes: a []byte parameter, a value of a
// reader type (one with Read([]byte) (int, error): a file, a
// bufio.Reader, a connection), or what a Decode row of internal/apis
// (json.Unmarshal, (*json.Decoder).Decode) decoded from one of them. Each
// record read goes into the map under its own key, so the records can
// come in any order: the order the writer chose is gone once they are
// read.
//
// Only findings whose order reaches nothing but a stream are dropped (see
// finding.stream): bytes written or encoded to a writer that is not a
// package-level variable (os.Stdout is one: a terminal is read by people),
// or a []byte returned (an encoding: Encode(dst []byte) []byte). Text
// returned as a string (a String method: shown to people, used as a key),
// printing, logging and hashing stay reported whatever the package reads
// back: their order is seen by people or compared as bytes.
//
// What the rule cannot see, and so takes on trust: that the stream the
// loop writes is the one the reader reads (a package that dumps a map to
// a report for people and also loads the map from a file of another
// format is silenced too), and that no one else reads the stream (a file
// that people diff, a lock file under version control, or a peer in
// another module that keeps the pairs in order). The package's own reader
// is the evidence that the format keeps the pairs as a set.

// restoredMap reports whether the map that loop ranges over, written as
// e, is read back from a stream by a decoder of the package (see above).
func (c *checker) restoredMap(e ast.Expr) bool {
	id := c.syntaxMapIdentity(e)
	if id == nil || c.ssa == nil {
		return false
	}
	if c.restored == nil {
		c.restored = c.findRestoredMaps()
	}
	return c.restored[id]
}

// dropRoundTrips removes the findings whose order reaches only a stream
// when the loop's map, written as e, is read back into the same map by the
// package (restoredMap), or the items it holds or the slice a finding
// fills holds are read back into a map (restoredItems, roundtripitems.go).
func (c *checker) dropRoundTrips(e ast.Expr, fs []finding) []finding {
	some := false
	for _, f := range fs {
		some = some || f.stream
	}
	if !some {
		return fs
	}
	whole := c.restoredMap(e) || c.restoredItems(c.mapValueType(e))
	var out []finding
	for _, f := range fs {
		if !f.stream || !whole && !c.restoredItems(f.items) {
			out = append(out, f)
		}
	}
	return out
}

// syntaxMapIdentity returns the identity of the map e denotes: its type
// when that is a map type of this package, the field it selects when that
// is a field of a struct type of this package, or the package-level
// variable it names; nil otherwise.
func (c *checker) syntaxMapIdentity(e ast.Expr) types.Object {
	if e == nil {
		return nil
	}
	if tn := ownMapType(c.pass.Pkg, c.info.TypeOf(e)); tn != nil {
		return tn
	}
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[x]; ok {
			if f, ok := sel.Obj().(*types.Var); ok && sel.Kind() == types.FieldVal && f.Pkg() == c.pass.Pkg {
				return f.Origin()
			}
			return nil
		}
		id = x.Sel
	case *ast.Ident:
		id = x
	}
	if v, ok := c.info.Uses[id].(*types.Var); ok && v.Pkg() == c.pass.Pkg && v.Parent() == c.pass.Pkg.Scope() {
		return v
	}
	return nil
}

// ssaMapIdentity is syntaxMapIdentity for the map operand of an SSA
// instruction: a value of a map type of the package, a load of a field
// of a struct type of the package, or a load of a package-level variable.
func ssaMapIdentity(pkg *types.Package, v ssa.Value) types.Object {
	if tn := ownMapType(pkg, v.Type()); tn != nil {
		return tn
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	switch a := load.X.(type) {
	case *ssa.FieldAddr:
		if f := mapid.FieldVar(a); f != nil && f.Pkg() == pkg {
			return f.Origin()
		}
	case *ssa.Global:
		if v, ok := a.Object().(*types.Var); ok && v.Pkg() == pkg {
			return v
		}
	}
	return nil
}

// ownMapType returns the type name of t when t is a named map type
// declared in pkg (for an instance, its generic origin), or nil.
func ownMapType(pkg *types.Package, t types.Type) *types.TypeName {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Map); !ok {
		return nil
	}
	return n.Origin().Obj()
}

// findRestoredMaps returns the identities of the maps that a function of
// the package fills, in a loop, under keys decoded from input; or that a
// helper fills under a key it is given (hw.Add(seq, ts) storing
// entries[seq] = ts), called in such a loop with an argument decoded from
// input, one call deep. Helpers are keyed by the function that has the
// body: a call of a generic one names an instantiation, looked up by its
// origin (apis.StaticCallee).
func (c *checker) findRestoredMaps() map[types.Object]bool {
	out := make(map[types.Object]bool)
	helpers := make(map[*ssa.Function][]keyedBy)
	for _, fn := range orderflow.SrcFuncs(c.ssa) {
		loops := make(map[*ssa.BasicBlock]bool)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				u, ok := instr.(*ssa.MapUpdate)
				if !ok {
					continue
				}
				id := ssaMapIdentity(c.pass.Pkg, u.Map)
				if id == nil || out[id] {
					continue
				}
				if inLoop(loops, b) && decodedFromInput(u.Key) {
					out[id] = true
					continue
				}
				for _, p := range paramsOf(u.Key) {
					helpers[fn] = append(helpers[fn], keyedBy{id, p})
				}
			}
		}
	}
	if len(helpers) == 0 {
		return out
	}
	for _, fn := range orderflow.SrcFuncs(c.ssa) {
		loops := make(map[*ssa.BasicBlock]bool)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				for _, k := range helpers[apis.StaticCallee(&call.Call)] {
					if !out[k.id] && k.param < len(call.Call.Args) && inLoop(loops, b) && decodedFromInput(call.Call.Args[k.param]) {
						out[k.id] = true
					}
				}
			}
		}
	}
	return out
}

// A keyedBy says that a function stores into the map of identity id under
// a key computed from its parameter param (an index into Params, the
// receiver first for a method, as in a static call's Args).
type keyedBy struct {
	id    types.Object
	param int
}

// inLoop reports whether b runs once per iteration of a loop, memoised in
// loops.
func inLoop(loops map[*ssa.BasicBlock]bool, b *ssa.BasicBlock) bool {
	in, ok := loops[b]
	if !ok {
		in = inCycle(b)
		loops[b] = in
	}
	return in
}

// inCycle reports whether block b can reach itself: it runs once per
// iteration of a loop.
func inCycle(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if !seen[x] {
			seen[x] = true
			work = append(work, x.Succs...)
		}
	}
	return false
}

// maxInputWalk bounds the values walkBack visits.
const maxInputWalk = 512

// decodedFromInput reports whether v is computed from input that the
// function decodes: a []byte parameter, a value of a reader type, or the
// target of a Decode row (json.Unmarshal(data, &recs)) given one of them.
func decodedFromInput(v ssa.Value) bool {
	found := false
	walkBack(v, func(x ssa.Value) bool {
		p, isParam := x.(*ssa.Parameter)
		found = isReader(x.Type()) || isParam && isByteSlice(p.Type())
		return found
	})
	return found
}

// paramsOf returns the indices of the parameters v is computed from.
func paramsOf(v ssa.Value) []int {
	var out []int
	walkBack(v, func(x ssa.Value) bool {
		if p, ok := x.(*ssa.Parameter); ok {
			if i := slices.Index(p.Parent().Params, p); i >= 0 {
				out = append(out, i)
			}
		}
		return false
	})
	return out
}

// walkBack visits v and the values it is computed from, following
// operands backwards and, for a local variable, the values stored into it
// (fillsOf), until stop returns true or maxInputWalk values were visited.
func walkBack(v ssa.Value, stop func(ssa.Value) bool) {
	seen := make(map[ssa.Value]bool)
	work := []ssa.Value{v}
	for len(work) > 0 && len(seen) < maxInputWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == nil || seen[x] {
			continue
		}
		seen[x] = true
		if stop(x) {
			return
		}
		switch x := x.(type) {
		case *ssa.Alloc:
			work = append(work, fillsOf(x)...)
			continue
		case *ssa.Parameter, *ssa.Const, *ssa.Global, *ssa.Function, *ssa.FreeVar, *ssa.Builtin:
			continue
		}
		instr, ok := x.(ssa.Instruction)
		if !ok {
			continue
		}
		for _, op := range instr.Operands(nil) {
			if op != nil {
				work = append(work, *op)
			}
		}
	}
}

// fillsOf returns the values that fill the local variable a: those stored
// into it, and the operands of a Decode call (json.Unmarshal(data, &a),
// where &a is usually converted to an interface first) that decodes into
// it.
func fillsOf(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr == a {
				out = append(out, ref.Val)
			}
		case *ssa.FieldAddr, *ssa.IndexAddr:
			// A composite literal (&T{Name: n}, or the array behind
			// append's variadic slice) is filled element by element.
			for _, r := range *ref.(ssa.Value).Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ref.(ssa.Value) {
					out = append(out, st.Val)
				}
			}
		case *ssa.Call:
			out = append(out, decodeOperands(ref, a)...)
		case *ssa.MakeInterface:
			for _, r := range *ref.Referrers() {
				if call, ok := r.(*ssa.Call); ok {
					out = append(out, decodeOperands(call, ref)...)
				}
			}
		}
	}
	return out
}

// decodeOperands returns the operands of call when it is a Decode row of
// internal/apis whose target is v, and nil otherwise.
func decodeOperands(call *ssa.Call, v ssa.Value) []ssa.Value {
	r, ok := apis.Of(&call.Call, apis.Decode)
	if !ok || apis.Arg(&call.Call, r.Arg) != v {
		return nil
	}
	return append([]ssa.Value{call.Call.Value}, call.Call.Args...)
}

// isReader reports whether t (or *t) has the method Read([]byte) (int,
// error) of the io.Reader contract.
func isReader(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Basic, *types.Tuple, *types.Signature:
		return false
	}
	return hasMethod(t, "Read", func(sig *types.Signature) bool {
		return sig.Params().Len() == 1 && sig.Results().Len() == 2 && isByteSlice(sig.Params().At(0).Type())
	})
}

// isStreamDest reports whether a write to a destination rooted at obj
// goes to a stream rather than to a shared output: obj is a variable, a
// parameter or a field's holder, not a package-level variable (os.Stdout,
// a package's own logger).
func isStreamDest(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}

// allStream reports whether every finding of fs reaches only a stream.
func allStream(fs []finding) bool {
	for _, f := range fs {
		if !f.stream {
			return false
		}
	}
	return true
}
