package iterorder

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/report"
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
//
// A struct (or pointer to one) whose field holds the list carries the
// fact with Field, 1 + that field's index: for
//
//	func Build(m map[string]int) *Report { return &Report{Title: "t", Names: keys(m)} }
//
// the fact is {Index: 0, Field: 2}, printed as `orderedresult(0.field1)`
// (the field of index 1);
// a caller that prints r.Names, or encodes r whole, is reported, one that
// prints only r.Title is not.
type OrderedResultFact struct {
	Index int
	Field int // 1 + the index of the one field of the (struct) result that holds the list, or 0: the result is the list
}

func (*OrderedResultFact) AFact() {}

func (f *OrderedResultFact) String() string {
	if f.Field > 0 {
		return fmt.Sprintf("orderedresult(%d.field%d)", f.Index, f.Field-1)
	}
	return fmt.Sprintf("orderedresult(%d)", f.Index)
}

// field returns the field of fn's result that holds the list, or nil.
func (f *OrderedResultFact) field(fn *types.Func) *types.Var {
	sig, _ := fn.Type().(*types.Signature)
	if f.Field == 0 || sig == nil || f.Index >= sig.Results().Len() {
		return nil
	}
	st := apis.StructOf(sig.Results().At(f.Index).Type())
	if st == nil || f.Field > st.NumFields() {
		return nil
	}
	return st.Field(f.Field - 1)
}

// markOrderedResult records that fn returns map order as result idx (in
// its field, when not nil) and that no caller in the package shows it;
// the fact is exported at the end of the run.
func (c *checker) markOrderedResult(fn *types.Func, idx int, field *types.Var) {
	if _, ok := c.ordered[fn]; ok || c.hypothetical {
		return
	}
	f := &OrderedResultFact{Index: idx}
	if field != nil {
		sig, _ := fn.Type().(*types.Signature)
		f.Field = apis.FieldIndex(sig.Results().At(idx).Type(), field) + 1
	}
	c.ordered[fn] = f
}

// exportOrderedResults exports the facts recorded by markOrderedResult.
func (c *checker) exportOrderedResults() {
	for _, d := range c.decls {
		if f, ok := c.ordered[d.obj]; ok {
			c.pass.ExportObjectFact(d.obj, f)
		}
	}
}

// reportImportedOrder reports the calls of functions of other packages
// whose result carries map order (OrderedResultFact) where the caller
// shows that order: the sink is here, the loop in the other package. A
// call of a method of an interface declared in this package stands for
// the implementations that carry the fact (ifacecalls.go).
func (c *checker) reportImportedOrder(report func(analysis.Diagnostic)) {
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(c.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		impls := c.orderedCallees(fn)
		if len(impls) == 0 {
			continue
		}
		caller := c.enclosingFuncCursor(cur)
		if caller == nil {
			continue
		}
		// A test shows the result only to a comparison in order (see
		// callerObserves).
		inTest := !c.inScope(cur, caller)
		for _, impl := range impls {
			if d, ok := c.importedOrderAt(call, caller, fn, impl, inTest); ok {
				report(d)
				break
			}
		}
	}
}

// importedOrderAt scans caller from call, whose callee fn returns the
// order impl's fact describes, and returns the finding if it shows it
// (in a test, inTest, only a comparison in order shows it).
func (c *checker) importedOrderAt(call *ast.CallExpr, caller *funcInfo, fn *types.Func, impl orderedCallee, inTest bool) (analysis.Diagnostic, bool) {
	os := c.newScan(orderMode, caller, caller.node, 1)
	os.testCaller = inTest
	os.start = call.Pos()
	os.calls[call] = impl.fact.Index
	if f := impl.fact.field(impl.fn); f != nil {
		os.callField[call] = f
	}
	os.run()
	// A caller the depth bound stopped at is not seen to show the
	// result: at a call of another package's function, where the loop
	// is out of sight, the finding needs a sink in sight.
	os.findings = slices.DeleteFunc(os.findings, func(f finding) bool { return f.bounded || inTest && f.category != "compare" })
	if len(os.findings) == 0 {
		return analysis.Diagnostic{}, false
	}
	first := os.findings[0]
	obs := first.observed()
	if first.returned && caller.obj != nil && len(first.related) > 0 {
		// Kept in what an unexported function returns, and shown by
		// one of its callers (see the related information).
		obs = "returned unsorted by " + caller.obj.Name() + ", whose caller shows it"
	}
	what := "the result of " + c.funcName(impl.fn)
	if impl.fn != fn {
		what += " (called through " + c.funcName(fn) + ")"
	}
	if f := impl.fact.field(impl.fn); f != nil {
		what = "the field " + f.Name() + " of " + what
	}
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: "append",
		Message:  "result depends on map iteration order: " + what + ", built in map order and returned unsorted, is " + obs,
	}
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: first.pos, Message: "map order reaches this: " + first.verb})
	for _, rel := range first.related {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: rel.pos, Message: rel.message})
	}
	// A sort here would leave the function's other callers with the
	// order; -iterorder.strict reports the loop, with its fix.
	report.NoFix(&d, fmt.Sprintf("%s returns the list in map order; sort it in package %s, for all its callers", c.funcName(impl.fn), impl.fn.Pkg().Name()))
	return d, true
}

// funcName names fn for a message: Type.Method or pkg.Func.
func (c *checker) funcName(fn *types.Func) string {
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
		byName := func(p *types.Package) string {
			if p == c.pass.Pkg {
				return ""
			}
			return p.Name()
		}
		return strings.TrimPrefix(types.TypeString(sig.Recv().Type(), byName), "*") + "." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
