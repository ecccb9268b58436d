package nilmerge

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/analysisdoc"
	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/factsonly"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/report"
)

//go:embed doc.go
var doc string

// CategoryNilWrite is the category of every nilmerge diagnostic.
const CategoryNilWrite = "nilwrite"

// DefaultPutAll is the helper the first fix calls, when the file imports it.
const DefaultPutAll = "github.com/maplint/maplint/safemap.PutAll"

// DefaultDeviantMin is the number of guarded writes of a field that
// -deviant needs before it reports an unguarded one.
const DefaultDeviantMin = 2

// Config holds the options of one nilmerge instance. Its zero value is not
// used directly: New fills in the defaults, which need no flags.
type Config struct {
	// PutAll names the nil-safe merge helper, as importpath.Func, with the
	// signature of safemap.PutAll. A fix calls it only in files that already
	// import its package, so that a fix never adds a module requirement.
	PutAll string

	// Deviant turns on the inference of nilable fields from the package's
	// own habits (deviant.go): a write into a map field with no nil check,
	// where at least DeviantMin other writes of the field are guarded and
	// the guarded writes outnumber the bare ones.
	Deviant    bool
	DeviantMin int

	// Outer reports the inner maps of a map of maps held in an unexported
	// field or package variable that the package never fills (inner.go).
	// On by default: it reported nothing on the five corpus modules.
	Outer bool

	// OuterPath reports a write into outer[a], where outer is a map of
	// maps in a field or package variable, when nothing in the writing
	// function makes sure that outer has the entry (outerpath.go).
	OuterPath bool

	// NoReturn lists functions and methods, besides those of the API
	// table and those ctrlflow proves, that never return, as
	// importpath.Func or importpath.Type.Method (an interface's method
	// too), comma-separated: a branch that calls one ends its path.
	NoReturn string
}

// Analyzer is the pass with its default configuration.
var Analyzer = New()

// New returns a new instance with its own configuration, set through its Flags.
func New() *analysis.Analyzer {
	c := &Config{PutAll: DefaultPutAll, DeviantMin: DefaultDeviantMin, Outer: true}
	a := &analysis.Analyzer{
		Name:      "nilmerge",
		Doc:       analysisdoc.MustExtract(doc, "nilmerge"),
		URL:       "https://pkg.go.dev/github.com/maplint/maplint/passes/nilmerge",
		Requires:  []*analysis.Analyzer{gate, buildssa.Analyzer, ctrlflow.Analyzer, inspect.Analyzer, directive.Analyzer, factsonly.Analyzer},
		Run:       c.run,
		FactTypes: []analysis.Fact{new(ReturnsNil)},
	}
	a.Flags.StringVar(&c.PutAll, "putall", c.PutAll, "nil-safe merge helper used by fixes, as importpath.Func (used only where the file already imports it)")
	a.Flags.StringVar(&c.NoReturn, "noreturn", c.NoReturn, "comma-separated functions that never return, as importpath.Func or importpath.Type.Method (e.g. a logger interface's Fatal)")
	a.Flags.BoolVar(&c.Outer, "outer", c.Outer, "report the inner maps of a map of maps in an unexported field or package variable that the package never fills")
	a.Flags.BoolVar(&c.OuterPath, "outerpath", c.OuterPath, "report writes into outer[a][b] on a field or package map of maps when nothing in the function makes sure outer[a] exists")
	a.Flags.BoolVar(&c.Deviant, "deviant", c.Deviant, "also report writes into map fields that the package nil-checks before most of their other writes")
	a.Flags.IntVar(&c.DeviantMin, "deviantmin", c.DeviantMin, "guarded writes of a field needed before -deviant reports its unguarded ones")
	return a
}

// A finding is one write into a map that may be nil, before it is reported.
type finding struct {
	pos    token.Pos // the write: IndexExpr.Lbrack or CallExpr.Lparen
	w      *write
	origin *origin
}

// run finds every map write in the package's functions, asks whether the
// written map may be nil on a feasible path reaching it (see search.go), and
// reports the writes where it may, in source order, with a fix (fix.go).
//
// The analysis is deliberately narrow: a value is only called nil when it
// flows from a known nil source (nil constant, zero struct field, helper
// returning nil, inner map of an always-empty map of maps) along a path whose
// branch conditions do not contradict each other. Anything it cannot follow
// (parameters, closures, loads through pointers of unknown origin) is
// assumed non-nil.
func (c *Config) run(pass *analysis.Pass) (any, error) {
	r := report.New(pass)
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	a := newChecker(pass, ssainfo)
	a.outer, a.outerPath = c.Outer, c.OuterPath
	for _, id := range strings.Split(c.NoReturn, ",") {
		if id = strings.TrimSpace(id); id != "" {
			a.noReturnIDs = append(a.noReturnIDs, id)
		}
	}
	a.exportFacts()
	if factsonly.Of(pass) {
		return nil, nil // the facts are all a dependent reads
	}

	syn := indexSyntax(ins)
	var found []finding
	var fws []fieldWrite
	for _, fn := range ssainfo.SrcFuncs {
		for _, w := range writesOf(fn, syn) {
			if deliberate(fn, w) {
				continue
			}
			if o := a.writeMayBeNil(w); o != nil {
				a.explain(w, o)
				found = append(found, finding{pos: w.pos, w: w, origin: o})
			} else if fw, ok := fieldWriteOf(w); ok && c.Deviant && w.kind == writeIndex {
				fws = append(fws, fw)
			}
		}
	}
	for w, o := range deviants(fws, c.DeviantMin) {
		found = append(found, finding{pos: w.pos, w: w, origin: o})
	}
	slices.SortFunc(found, func(x, y finding) int { return int(x.pos - y.pos) })
	found = slices.CompactFunc(found, func(x, y finding) bool { return x.pos == y.pos })

	fx := newFixer(pass, c)
	for _, f := range found {
		d := analysis.Diagnostic{
			Pos:      f.w.node.Pos(),
			End:      f.w.node.End(),
			Category: CategoryNilWrite,
			Message:  fmt.Sprintf("write to map %s, which is nil here: %s", f.w.name, f.origin.describe(pass.Fset)),
		}
		switch {
		case f.origin.kind == fromDeviant:
			d.Message = fmt.Sprintf("write to map %s, which may be nil: %s", f.w.name, f.origin.why)
			for _, g := range f.origin.guards {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: g, Message: "guarded here"})
			}
		case f.origin.kind == fromOuterPath:
			d.Message = fmt.Sprintf("write to map %s, which may be nil: %s", f.w.name, f.origin.why)
		case f.origin.pos.IsValid():
			d.Related = []analysis.RelatedInformation{{Pos: f.origin.pos, Message: f.origin.related()}}
			for in := f.origin.inner; in != nil; in = in.inner {
				if in.pos.IsValid() {
					d.Related = append(d.Related, analysis.RelatedInformation{Pos: in.pos, Message: in.related()})
				}
			}
		case f.origin.call.IsValid():
			// The nil is made in another package: point at the call.
			d.Related = []analysis.RelatedInformation{{Pos: f.origin.call, Message: "the map is nil from here: " + f.origin.why + " at " + f.origin.at}}
		}
		if fix, why := fx.fix(f.w, f.origin); why != "" {
			report.NoFix(&d, why)
		} else {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		r.Report(d)
	}
	return nil, nil
}

// origin says where a nil map comes from.
type origin struct {
	pos  token.Pos // where the nil is made, or NoPos
	why  string    // "declared without make", "returned by load, which returns nil"
	at   string    // file:line of the origin in another package, when pos is not known
	call token.Pos // the call that returns the nil made in another package
	kind originKind

	// For fromCtor: the constructors that leave field nil (the fix
	// initialises it there).
	ctors []*ssa.Function
	field *types.Var

	// For fromDeviant: the guards of the other writes.
	guards []token.Pos

	// For fromParam: where the caller's map comes from, when it is not
	// a nil constant.
	inner *origin
}

type originKind int

const (
	fromVar       originKind = iota // var m map..., m = nil, named result
	fromField                       // zero struct field
	fromCall                        // helper returning nil
	fromInner                       // inner map of a map of maps
	fromGlobal                      // package variable never assigned
	fromParam                       // parameter passed nil by a caller
	fromTest                        // the program tested the map and found it nil
	fromDecode                      // a decoder left the map nil
	fromCtor                        // exported field every constructor leaves nil
	fromDeviant                     // a field the package guards elsewhere (Config.Deviant)
	fromOuterPath                   // an entry of a map of maps nothing makes sure of (Config.OuterPath)
	fromAssert                      // the zero value of a comma-ok type assertion that failed
)

// describe returns the evidence part of the message, with the origin's
// file:line: "declared without make at merge.go:12".
func (o *origin) describe(fset *token.FileSet) string {
	switch {
	case o.pos.IsValid():
		p := fset.Position(o.pos)
		return fmt.Sprintf("%s at %s:%d", o.why, filepath.Base(p.Filename), p.Line)
	case o.at != "":
		return fmt.Sprintf("%s at %s", o.why, o.at)
	}
	return o.why
}

// related returns the message of the Related position of the origin.
func (o *origin) related() string {
	return "the map is nil from here: " + o.why
}

// syntax indexes the syntax nodes that the SSA writes point back to.
type syntax struct {
	index map[token.Pos]*inspector.Cursor // IndexExpr by Lbrack, CallExpr by Lparen
}

func indexSyntax(ins *inspector.Inspector) *syntax {
	s := &syntax{index: make(map[token.Pos]*inspector.Cursor)}
	for cur := range ins.Root().Preorder((*ast.IndexExpr)(nil), (*ast.CallExpr)(nil)) {
		c := cur
		switch n := cur.Node().(type) {
		case *ast.IndexExpr:
			s.index[n.Lbrack] = &c
		case *ast.CallExpr:
			s.index[n.Lparen] = &c
		}
	}
	return s
}

// deliberate reports whether w, in a test file, writes to a map that is
// nil on every path (the nil constant itself: var m map[K]V, never
// assigned). Such a write panics whenever the test runs it, so the test
// either fails at once, which no one ships, or means the panic: gws's
// TestRecovery writes to a nil map so that its Recovery option has a panic
// to recover. A map nil on some paths only is a test's bug that a run may
// not show, and stays reported, as does any write outside test files.
func deliberate(fn *ssa.Function, w *write) bool {
	c, ok := w.m.(*ssa.Const)
	return ok && c.IsNil() && goroutine.InTestFile(fn)
}
