package iterorder

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// An OrderedResultFact marks an exported function whose result Index is a
// list (or a value holding one) built in map order and returned unsorted,
// which no caller in its own package shows. Returning it is a propagation,
// not a sink: a caller in another package that writes, prints, encodes or
// returns as text what it got is reported there, naming the function.
//
// Example: for
//
//	func Keys(m map[string]int) []string {
//		var out []string
//		for k := range m { out = append(out, k) }
//		return out
//	}
//
// the fact is {Index: 0}, printed as `orderedresult(0)`; a caller
// `fmt.Println(lib.Keys(m))` is reported, a caller that sorts the result
// or adds it to a set is not.
type OrderedResultFact struct {
	Index int
}

func (*OrderedResultFact) AFact() {}

func (f *OrderedResultFact) String() string { return fmt.Sprintf("orderedresult(%d)", f.Index) }

// markOrderedResult records that fn returns map order as result idx and
// that no caller in the package shows it; the fact is exported at the end
// of the run.
func (c *checker) markOrderedResult(fn *types.Func, idx int) {
	if _, ok := c.ordered[fn]; !ok {
		c.ordered[fn] = idx
	}
}

// exportOrderedResults exports the facts recorded by markOrderedResult.
func (c *checker) exportOrderedResults() {
	for _, d := range c.decls {
		if idx, ok := c.ordered[d.obj]; ok {
			c.pass.ExportObjectFact(d.obj, &OrderedResultFact{Index: idx})
		}
	}
}

// reportImportedOrder reports the calls of functions of other packages
// whose result carries map order (OrderedResultFact) where the caller
// shows that order: the sink is here, the loop in the other package.
func (c *checker) reportImportedOrder(report func(analysis.Diagnostic)) {
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
			continue
		}
		fact := new(OrderedResultFact)
		if !c.pass.ImportObjectFact(fn.Origin(), fact) {
			continue
		}
		caller := c.enclosingFuncCursor(cur)
		if caller == nil || !c.inScope(cur, caller) {
			continue
		}
		os := c.newScan(orderMode, caller, caller.node, 1)
		os.start = call.Pos()
		os.calls[call] = fact.Index
		os.run()
		if len(os.findings) == 0 {
			continue
		}
		first := os.findings[0]
		obs := first.observed()
		if first.returned && caller.obj != nil && len(first.related) > 0 {
			// Kept in what an unexported function returns, and shown by
			// one of its callers (see the related information).
			obs = "returned unsorted by " + caller.obj.Name() + ", whose caller shows it"
		}
		name := fn.Name()
		if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
			name = strings.TrimPrefix(types.TypeString(sig.Recv().Type(), types.RelativeTo(c.pass.Pkg)), "*") + "." + name
		} else {
			name = fn.Pkg().Name() + "." + name
		}
		d := analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: "append",
			Message:  "result depends on map iteration order: the result of " + name + ", built in map order and returned unsorted, is " + obs,
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: first.pos, Message: "map order reaches this: " + first.verb})
		for _, rel := range first.related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: rel.pos, Message: rel.message})
		}
		report(d)
	}
}
