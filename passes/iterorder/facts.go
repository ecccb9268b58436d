package iterorder

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/factsonly"
)

// A SinkFact summarises a function that makes some of its parameters
// observable in the order it is called: it writes, encodes, hashes or
// sends them, or appends them to a slice that outlives the call. A map
// loop that calls it with an element lets the map order through.
//
// Facts are not transitive (a helper that calls a helper with a fact gets
// none) and ignore printing and logging: deep chains and print helpers were
// debugging aids (tracing in go/types, verbose logs in net/http) on the
// standard library, not results.
//
// Example: for
//
//	func emit(w io.Writer, name string) { fmt.Fprintln(w, name) }
//
// the fact is {Params: [{Index: 1, What: "written to w", Via: 1}]}, printed
// as `sinks(1: written to w)`. Via names the writer parameter, so that a
// caller that passes its own strings.Builder is judged by what it does with
// the builder.
type SinkFact struct {
	Params []ParamSink // in parameter order
}

// A ParamSink is one parameter of a SinkFact.
type ParamSink struct {
	Index int    // the parameter's index in the signature (receiver excluded)
	What  string // what happens to it, as in a message: "written to w"
	Via   int    // 1 + the index of the parameter it is written into (a writer, an encoder), or 0
	Field int    // 1 + the index of the one field of the (struct) parameter the function uses, or 0
	Whole bool   // written as the whole content of a file (os.WriteFile): a list passed in shows its order, calls with one element each do not
	// Stream says the parameter reaches only a stream: it is written or
	// encoded into the writer parameter Via names (see finding.stream),
	// so a caller that passes a stream of its own hands it to a stream.
	Stream bool
}

func (*SinkFact) AFact() {}

func (f *SinkFact) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = fmt.Sprintf("%d: %s", p.Index, p.What)
	}
	return "sinks(" + strings.Join(parts, "; ") + ")"
}

// sinkFact returns the fact of fn: computed in this run for a function of
// the package, imported otherwise.
func (c *checker) sinkFact(fn *types.Func) *SinkFact {
	if fn.Pkg() == c.pass.Pkg {
		c.computeDeferred(fn)
		f := c.facts[fn]
		if c.factReads != nil {
			if _, ok := c.factReads[fn]; !ok {
				c.factReads[fn] = f
			}
		}
		return f
	}
	f := new(SinkFact)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// computeFacts summarises every function declared in the package, iterating
// until no summary changes (a helper that calls a helper), and exports the
// facts. Function literals get no fact: they are not called by name.
//
// A function is scanned again in a later round only when a fact of the
// package that its scans read has changed since: a scan's findings depend
// on the package's facts only through sinkFact (the syntax, the types and
// the imported facts do not change during the run), so the scan would find
// what it found before. Most functions are thus scanned once, and the
// facts are those of scanning every function in every round.
//
// On a package analysed only for its facts, the fact of a function whose
// name is not exported is computed only if a scan of the package reads it
// (sinkFact): no other package can name the function, so none looks its
// fact up, and most are never read. Scanning them cost most of the pass's
// time on dependencies, and their path questions (Paths.Dead, Failing)
// built the SSA of packages that never needed it. A fact's scan reads no
// fact (a helper's fact is not transitive: factCall is not asked in
// factMode), so a fact computed late is the one computed here.
func (c *checker) computeFacts() {
	var decls []funcDecl
	lazy := factsonly.Of(c.pass)
	for _, d := range c.decls {
		if !hasSinkSyntax(d.fd.Body) {
			continue
		}
		if lazy && !d.obj.Exported() {
			if c.deferred == nil {
				c.deferred = make(map[*types.Func]funcDecl)
			}
			c.deferred[d.obj] = d
			continue
		}
		decls = append(decls, d)
	}
	type scanned struct {
		params []ParamSink
		reads  map[*types.Func]*SinkFact // the facts of the package its scans read
	}
	last := make([]*scanned, len(decls))
	for range 4 {
		changed := false
		for i, d := range decls {
			if last[i] == nil || c.factsChanged(last[i].reads) {
				c.factReads = make(map[*types.Func]*SinkFact)
				last[i] = &scanned{params: c.paramSinks(d), reads: c.factReads}
				c.factReads = nil
			}
			obj, params := d.obj, last[i].params
			if old := c.facts[obj]; (old == nil) != (params == nil) || old != nil && len(old.Params) != len(params) {
				changed = true
			}
			if params != nil {
				c.facts[obj] = &SinkFact{Params: params}
			}
		}
		if !changed {
			break
		}
	}
	for _, d := range decls {
		if c.facts[d.obj] != nil {
			c.pass.ExportObjectFact(d.obj, c.facts[d.obj])
		}
	}
}

// computeDeferred computes the fact of fn, a function of the package, if
// computeFacts left it until a scan reads it.
func (c *checker) computeDeferred(fn *types.Func) {
	d, ok := c.deferred[fn]
	if !ok {
		return
	}
	delete(c.deferred, fn)
	if params := c.paramSinks(d); params != nil {
		c.facts[fn] = &SinkFact{Params: params}
	}
}

// paramSinks scans d once per named parameter and returns what reaches a
// sink, in parameter order.
func (c *checker) paramSinks(d funcDecl) []ParamSink {
	fi := c.funcInfoOf(d.fd)
	var params []ParamSink
	for i := range fi.sig.Params().Len() {
		p := fi.sig.Params().At(i)
		if p.Name() == "" || p.Name() == "_" {
			continue
		}
		sc := c.newScan(factMode, fi, d.fd, 0)
		sc.tainted[p] = true
		sc.run()
		if len(sc.findings) > 0 {
			params = append(params, ParamSink{Index: i, What: sc.findings[0].verb, Via: sc.findings[0].via, Whole: sc.findings[0].whole, Field: onlyField(c.info, fi.body, p),
				Stream: sc.findings[0].via > 0 && allStream(sc.findings)})
		}
	}
	return params
}

// factsChanged reports whether a fact of the package differs from its
// value in reads.
func (c *checker) factsChanged(reads map[*types.Func]*SinkFact) bool {
	for fn, was := range reads {
		now := c.facts[fn]
		if (now == nil) != (was == nil) || now != nil && !slices.Equal(now.Params, was.Params) {
			return true
		}
	}
	return false
}

// funcDecl is a function declaration of the package with a body, and the
// function it declares.
type funcDecl struct {
	fd  *ast.FuncDecl
	obj *types.Func
}

// funcDecls returns the package's function declarations with a body, in
// the order of its files: every fact of the pass is computed over them.
func funcDecls(pass *analysis.Pass) []funcDecl {
	var decls []funcDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func); obj != nil {
					decls = append(decls, funcDecl{fd, obj})
				}
			}
		}
	}
	return decls
}

// hasSinkSyntax reports whether body contains a call, a send or an
// assignment at all: a cheap filter before summarising its parameters.
func hasSinkSyntax(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.CallExpr, *ast.SendStmt:
			found = true
		}
		return !found
	})
	return found
}
