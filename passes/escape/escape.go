package escape

import (
	_ "embed"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/maplint/maplint/internal/analysisdoc"
	"github.com/maplint/maplint/internal/directive"
	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/report"
)

//go:embed doc.go
var doc string

// Categories of the diagnostics, one per family.
const (
	CategoryGuard   = "guard"   // a guarded map leaves its lock
	CategoryLoopVar = "loopvar" // the address of a per-loop variable stored in a map
	CategoryLayout  = "layout"  // code that depends on the runtime's private map layout
)

// Config is the configuration of one instance of the pass. Its zero value is
// the default.
type Config struct {
	// SkipTests makes the pass ignore _test.go files.
	SkipTests bool
}

// Analyzer is the pass with its default configuration.
var Analyzer = New()

// New returns a new instance with its own configuration, set through its Flags.
func New() *analysis.Analyzer {
	c := new(Config)
	a := &analysis.Analyzer{
		Name:     "escape",
		Doc:      analysisdoc.MustExtract(doc, "escape"),
		URL:      "https://pkg.go.dev/github.com/maplint/maplint/passes/escape",
		Requires: []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, directive.Analyzer, guards.Analyzer},
		Run:      c.run,
	}
	a.Flags.BoolVar(&c.SkipTests, "skiptests", false, "do not report in _test.go files")
	return a
}

// checker holds the state of one run.
type checker struct {
	pass  *analysis.Pass
	src   *edits.Source
	diags []analysis.Diagnostic
	why   map[token.Pos]string // why the diagnostic at a position has no fix
}

func (c *Config) run(pass *analysis.Pass) (any, error) {
	ck := &checker{pass: pass, src: edits.NewSource(pass), why: make(map[token.Pos]string)}
	ck.checkGuarded()
	ck.checkLoopVars()
	ck.checkLinknames()
	ck.checkUnsafe()

	r := report.New(pass)
	for i := range ck.diags {
		if d := &ck.diags[i]; len(d.SuggestedFixes) == 0 {
			report.NoFix(d, ck.why[d.Pos])
		}
	}
	r.ReportAll(ck.diags, c.SkipTests)
	return nil, nil
}

// add records d, one diagnostic per position, with its fixes or why it has
// none: a short reason that holds for this finding, which its message ends
// with.
func (ck *checker) add(d analysis.Diagnostic, fixes []analysis.SuggestedFix, why string) {
	if _, seen := ck.why[d.Pos]; seen {
		return
	}
	d.SuggestedFixes = fixes
	ck.why[d.Pos] = why
	ck.diags = append(ck.diags, d)
}
