package nilmerge

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// writeKind is the syntactic form of a map write.
type writeKind int

const (
	writeIndex  writeKind = iota // m[k] = v, m[k] op= v, m[k]++
	writeCopy                    // maps.Copy(dst, src)
	writeInsert                  // maps.Insert(dst, seq)
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
				callee := instr.Common().StaticCallee()
				if callee == nil || callee.Object() == nil {
					continue
				}
				obj := callee.Object()
				if obj.Pkg() == nil || obj.Pkg().Path() != "maps" || len(instr.Call.Args) != 2 {
					continue
				}
				var kind writeKind
				switch obj.Name() {
				case "Copy":
					kind = writeCopy
				case "Insert":
					kind = writeInsert
				default:
					continue
				}
				c, ok := syn.index[instr.Pos()]
				if !ok {
					continue
				}
				call, ok := c.Node().(*ast.CallExpr)
				if !ok || len(call.Args) != 2 {
					continue
				}
				w := &write{kind: kind, pos: instr.Pos(), instr: instr, m: instr.Call.Args[0], node: call, mexpr: call.Args[0], name: types.ExprString(call.Args[0]), cur: *c}
				switch kind {
				case writeCopy:
					w.src = instr.Call.Args[1]
				case writeInsert:
					w.src = allSource(instr.Call.Args[1])
				}
				out = append(out, w)
			}
		}
	}
	return out
}

// allSource returns m when seq is maps.All(m), and nil otherwise: inserting
// maps.All of an empty map writes nothing.
func allSource(seq ssa.Value) ssa.Value {
	call, ok := seq.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := call.Common().StaticCallee()
	if callee == nil || callee.Object() == nil {
		return nil
	}
	obj := callee.Object()
	if obj.Pkg() != nil && obj.Pkg().Path() == "maps" && obj.Name() == "All" && len(call.Call.Args) == 1 {
		return call.Call.Args[0]
	}
	return nil
}
