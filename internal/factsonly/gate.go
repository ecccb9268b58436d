package factsonly

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Most dependencies of a module export no fact at all (on caddy, 881 of
// its 1113 packages), yet analysing them for facts cost most of a cold
// run: building their SSA and running the lock analysis over it. A gate
// lets a driver that analyses dependencies for their facts only (see
// above) skip that work where it provably yields nothing.
//
// A pass that exports facts may require a gate: a helper analyzer, cheap
// (syntax and types only, no SSA), whose result is a *Gate. It tells the
// driver, for a package analysed only for its facts, whether the pass can
// export any there, and which of the pass's requirements its facts need.
// A driver that does not know gates (go vet, golangci-lint, gopls,
// analysistest) runs them and ignores their results; the passes never
// read them. maplint's driver reads them on dependencies: a pass whose
// gate says NoFacts, and whose Unless analyzers have no fact about an
// object the package refers to, is not run, and neither is a requirement
// that no pass it does run needs.

// A Gate is the result of a gate analyzer.
type Gate struct {
	// NoFacts is set when the pass exports no fact on the package,
	// provided that no analyzer of Unless has a fact about an object of
	// another package that the package refers to (see Refs): the
	// conditions the pass derives its facts from are absent from the
	// package's own code.
	NoFacts bool
	Unless  []*analysis.Analyzer
	// UnlessOwn adds the pass itself to Unless (a gate cannot name the
	// analyzer that requires it: their initialisations would form a
	// cycle).
	UnlessOwn bool
	// Needs, when not nil, lists the requirements of the pass that it
	// reads when it analyses a package only for its facts; the driver may
	// skip the others and give the pass their ResultType's zero value.
	Needs []*analysis.Analyzer
}

// GateType is the ResultType of every gate analyzer.
var GateType = reflect.TypeFor[*Gate]()

// GateOf returns the gate analyzer among a's requirements, or nil.
func GateOf(a *analysis.Analyzer) *analysis.Analyzer {
	for _, r := range a.Requires {
		if r.ResultType == GateType {
			return r
		}
	}
	return nil
}

// Refs calls f for every object of another package that the files refer
// to: the objects their identifiers use (a called function or method,
// taken as its generic origin; a field selected or named as a key), and
// the fields that an unkeyed composite literal of a struct type sets
// without naming them. These are the objects whose facts an analysis of
// the package can import: a static callee of its SSA, a field it stores
// into, is one of them.
func Refs(pkg *types.Package, files []*ast.File, info *types.Info, f func(types.Object)) {
	for _, obj := range info.Uses {
		if obj.Pkg() == nil || obj.Pkg() == pkg {
			continue
		}
		switch o := obj.(type) {
		case *types.Func:
			f(o.Origin())
		case *types.Var:
			f(o.Origin())
		default:
			f(o)
		}
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || len(lit.Elts) == 0 {
				return true
			}
			if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
				return true
			}
			for _, st := range structsOf(info.TypeOf(lit)) {
				for i := range st.NumFields() {
					if fld := st.Field(i); fld.Pkg() != nil && fld.Pkg() != pkg {
						f(fld.Origin())
					}
				}
			}
			return true
		})
	}
}

// structsOf returns the struct types a composite literal of type t may
// build: t's underlying struct, seen through a pointer (an elided &T in a
// slice or map literal), or those of the terms of a type parameter.
func structsOf(t types.Type) []*types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return []*types.Struct{u}
	case *types.Interface: // a type parameter's constraint
		var out []*types.Struct
		for i := range u.NumEmbeddeds() {
			e := u.EmbeddedType(i)
			if un, ok := e.(*types.Union); ok {
				for j := range un.Len() {
					out = append(out, structsOf(un.Term(j).Type())...)
				}
				continue
			}
			out = append(out, structsOf(e)...)
		}
		return out
	}
	return nil
}
