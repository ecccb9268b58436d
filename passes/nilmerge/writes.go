package nilmerge

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// writeKind is the syntactic form of a map write.
type writeKind int

const (
	writeIndex  writeKind = iota // m[k] = v, m[k] op= v, m[k]++
	writeCopy                    // maps.Copy(dst, src): a fill from a map (apis.MapFill, apis.FillFrom)
	writeInsert                  // maps.Insert(dst, seq): a fill from a sequence
)

// A write is one instruction that panics when its map is nil.
type write struct {
	kind  writeKind
	pos   token.Pos
	instr ssa.Instruction
	m     ssa.Value // the written map
	src   ssa.Value // the map copied from (maps.Copy, maps.Insert(dst, maps.All(src))), or nil
	node  ast.Expr  // IndexExpr or CallExpr
	mexpr ast.Expr  // the map expression in the source
	sexpr ast.Expr  // the source expression of a fill (maps.Copy's src), or nil
	name  string    // its source text, for messages
	cur   inspector.Cursor
}

// writesOf returns the writes of fn, in block order. (The functions nested
// in fn are handled separately: buildssa lists them in SrcFuncs too.)
func writesOf(fn *ssa.Function, syn *syntax) []*write {
	var out []*write
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.MapUpdate:
				c, ok := syn.index[instr.Pos()]
				if !ok {
					continue // composite literal element, or no syntax
				}
				ix, ok := c.Node().(*ast.IndexExpr)
				if !ok {
					continue
				}
				out = append(out, &write{kind: writeIndex, pos: instr.Pos(), instr: instr, m: instr.Map, node: ix, mexpr: ix.X, name: types.ExprString(ix.X), cur: *c})
			case *ssa.Call:
				if w := fillOf(instr, syn); w != nil {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// fillOf returns the write that call is when the API table says it adds
// entries to a map (maps.Copy, maps.Insert): a MapFill row names the map,
// and the FillFrom row the source, which is kept when it is a map (or the
// Entries of one) since an empty source writes nothing.
func fillOf(call *ssa.Call, syn *syntax) *write {
	r, ok := apis.Of(&call.Call, apis.MapFill)
	if !ok || call.Call.IsInvoke() {
		return nil
	}
	dst := apis.Arg(&call.Call, r.Arg)
	c, ok := syn.index[call.Pos()]
	if dst == nil || !ok {
		return nil
	}
	ce, ok := c.Node().(*ast.CallExpr)
	if !ok || r.Arg >= len(ce.Args) {
		return nil
	}
	// A fill from a map is a merge that PutAll can replace (fix.go); a
	// fill from a sequence is not.
	mexpr := ce.Args[r.Arg]
	w := &write{kind: writeInsert, pos: call.Pos(), instr: call, m: dst, node: ce, mexpr: mexpr, name: types.ExprString(mexpr), cur: *c}
	if f, ok := apis.Of(&call.Call, apis.FillFrom); ok && f.Arg < len(ce.Args) {
		from := apis.Arg(&call.Call, f.Arg)
		w.src = entriesOf(from)
		if from != nil && isMapLike(from.Type()) {
			w.kind, w.sexpr = writeCopy, ce.Args[f.Arg]
		}
	}
	return w
}

// entriesOf returns the map whose entries v holds: v itself when it is a
// map, m when v is a sequence of exactly m's entries (maps.All(m)), and nil
// otherwise.
func entriesOf(v ssa.Value) ssa.Value {
	if v == nil || isMapLike(v.Type()) {
		return v
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	if r, ok := apis.Of(&call.Call, apis.Entries); ok {
		return apis.Arg(&call.Call, r.Arg)
	}
	return nil
}
