package iterorder

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/maplint/maplint/internal/apis"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Results shown through an interface, the other way round.
//
// A package often declares an interface and shows what its methods return
// (caddyfile.Adapter.Adapt calls ServerType.Setup and returns the JSON of
// the config it got), while the implementations live in packages that
// import it (httpcaddyfile.ServerType.Setup builds that config, with a list
// of policy subjects in map order). Facts flow only from a package to its
// importers, so the consumer cannot see the implementation's
// OrderedResultFact. Instead the consumer's package marks the interface
// method with a ShownResultFact, and the implementing package, which
// imports it, reports its loop when the list reaches that result.
//
// This is sound in the same sense as any call: whenever that implementation
// is the one called there, its map order is what the caller shows. The
// implementing package imports the interface's package and implements the
// interface: it was written to be called through it.

// A ShownResultFact marks a method of an interface declared in the package
// whose result Index a caller of the method in that package shows (writes,
// prints, encodes, or returns as text) before sorting it. For a struct
// result, Whole says the whole value is shown (encoded, printed), and
// Fields lists 1 + the index of each field shown on its own.
//
// Example: for
//
//	type ServerType interface{ Setup() (*Config, error) }
//	func (a Adapter) Adapt() ([]byte, error) {
//		cfg, err := a.ServerType.Setup()
//		...
//		return json.Marshal(cfg)
//	}
//
// the fact on ServerType.Setup is {Index: 0, Whole: true}, printed as
// `shownresult(0 whole)`.
type ShownResultFact struct {
	Index  int
	Whole  bool
	Fields []int
}

func (*ShownResultFact) AFact() {}

func (f *ShownResultFact) String() string {
	parts := []string{fmt.Sprint(f.Index)}
	if f.Whole {
		parts = append(parts, "whole")
	}
	for _, i := range f.Fields {
		parts = append(parts, fmt.Sprintf("field%d", i-1))
	}
	return "shownresult(" + strings.Join(parts, " ") + ")"
}

// covers reports whether the fact covers map order held in field of the
// result (nil: anywhere in it, or the result is itself the list).
func (f *ShownResultFact) covers(t types.Type, field *types.Var) bool {
	if apis.StructOf(t) == nil {
		return true
	}
	if f.Whole {
		return true
	}
	return field != nil && slices.Contains(f.Fields, apis.FieldIndex(t, field)+1)
}

// exportShownResults marks the methods of this package's interfaces whose
// results a caller here shows.
func (c *checker) exportShownResults() {
	done := make(map[*types.Func]bool)
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		m, _ := typeutil.Callee(c.info, call).(*types.Func)
		if m == nil || m.Pkg() != c.pass.Pkg || done[m] {
			continue
		}
		sig, _ := m.Type().(*types.Signature)
		if sig == nil || sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
			continue
		}
		caller := c.enclosingFuncCursor(cur)
		if caller == nil || !c.inScope(cur, caller) {
			continue
		}
		for i := range sig.Results().Len() {
			if f := c.shownAt(call, caller, i, sig.Results().At(i).Type()); f != nil {
				c.pass.ExportObjectFact(m, f)
				done[m] = true
				break
			}
		}
	}
}

// shownAt returns the fact for result idx, of type t, of the interface
// call in caller, or nil when the caller does not show it.
func (c *checker) shownAt(call *ast.CallExpr, caller *funcInfo, idx int, t types.Type) *ShownResultFact {
	shows := func(field *types.Var) bool {
		os := c.newScan(orderMode, caller, caller.node, 1)
		os.start = call.Pos()
		os.calls[call] = idx
		if field != nil {
			os.callField[call] = field
		}
		c.hypothetical = true
		os.run()
		c.hypothetical = false
		// Only a caller seen to show it counts: returned from a function
		// literal (merge.go's resultsFn) is assumed, not seen, shown.
		return slices.ContainsFunc(os.findings, func(f finding) bool { return !f.unseen })
	}
	if isSlice(t) {
		if shows(nil) {
			return &ShownResultFact{Index: idx}
		}
		return nil
	}
	st := apis.StructOf(t)
	if st == nil {
		return nil
	}
	f := &ShownResultFact{Index: idx}
	// A field no selection names: only the value used whole shows it.
	f.Whole = shows(types.NewField(token.NoPos, nil, "", types.Typ[types.Invalid], false))
	for i := range st.NumFields() {
		if !f.Whole && carriesOrder(st.Field(i).Type()) && shows(st.Field(i)) {
			f.Fields = append(f.Fields, i+1)
		}
	}
	if !f.Whole && len(f.Fields) == 0 {
		return nil
	}
	return f
}

// shownThrough returns the interface method, with a ShownResultFact that
// covers map order held in field of result idx, that fn implements, or
// nil.
func (c *checker) shownThrough(fn *types.Func, idx int, field *types.Var) *types.Func {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || idx >= sig.Results().Len() {
		return nil
	}
	recv := sig.Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := recv.(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return nil
	}
	for _, sm := range c.shownMethods() {
		if sm.m.Name() != fn.Name() || sm.fact.Index != idx || !sm.fact.covers(sig.Results().At(idx).Type(), field) {
			continue
		}
		iface, _ := sm.m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
		if iface != nil && (types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface)) {
			return sm.m
		}
	}
	return nil
}

type shownMethod struct {
	m    *types.Func
	fact *ShownResultFact
}

// shownMethods returns the interface methods of other packages with a
// ShownResultFact, in a deterministic order, built once per run.
func (c *checker) shownMethods() []shownMethod {
	if c.shown != nil {
		return c.shown
	}
	c.shown = []shownMethod{}
	all := c.pass.AllObjectFacts()
	slices.SortFunc(all, func(a, b analysis.ObjectFact) int { return strings.Compare(objectKey(a.Object), objectKey(b.Object)) })
	for _, of := range all {
		m, ok := of.Object.(*types.Func)
		f, isShown := of.Fact.(*ShownResultFact)
		if ok && isShown && m.Pkg() != c.pass.Pkg {
			c.shown = append(c.shown, shownMethod{m, f})
		}
	}
	return c.shown
}
