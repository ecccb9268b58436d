package gclplugin

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint"
)

// suite returns two stand-in passes: "alpha" with options "helper" (string)
// and "strict" (bool), and "beta" with none. The settings logic is generic
// over the suite, so it is tested on these.
func suite() []*analysis.Analyzer {
	alpha := &analysis.Analyzer{Name: "alpha", Doc: "alpha: test pass"}
	alpha.Flags.String("helper", "", "helper to call")
	alpha.Flags.Bool("strict", false, "be strict")
	beta := &analysis.Analyzer{Name: "beta", Doc: "beta: test pass"}
	return []*analysis.Analyzer{alpha, beta}
}

// settings decodes YAML-like settings given as JSON, as golangci-lint would
// hand them over (a map[string]any).
func settings(t *testing.T, js string) Settings {
	t.Helper()
	var raw any
	if err := json.Unmarshal([]byte(js), &raw); err != nil {
		t.Fatal(err)
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		t.Fatalf("decoding %s: %v", js, err)
	}
	return s
}

func names(as []*analysis.Analyzer) string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return strings.Join(ns, ",")
}

func TestBuild(t *testing.T) {
	for _, tc := range []struct {
		settings string
		want     string // enabled passes
		helper   string // alpha's helper option afterwards
		strict   string
	}{
		{`null`, "alpha,beta", "", "false"},
		{`{}`, "alpha,beta", "", "false"},
		{`{"disable": ["alpha"]}`, "beta", "", "false"},
		{`{"enable": ["alpha"]}`, "alpha", "", "false"},
		{`{"enable": ["beta", "alpha"]}`, "alpha,beta", "", "false"},
		{`{"passes": {"alpha": {"helper": "example.com/m/maps.PutAll"}}}`, "alpha,beta", "example.com/m/maps.PutAll", "false"},
		{`{"passes": {"alpha": {"strict": true}}}`, "alpha,beta", "", "true"},
		{`{"passes": {"alpha": null}}`, "alpha,beta", "", "false"},
		// Options of a disabled pass are still validated and set.
		{`{"disable": ["alpha"], "passes": {"alpha": {"helper": "x.F"}}}`, "beta", "x.F", "false"},
	} {
		all := suite()
		got, err := settings(t, tc.settings).build(all)
		if err != nil {
			t.Errorf("%s: %v", tc.settings, err)
			continue
		}
		if names(got) != tc.want {
			t.Errorf("%s: passes %s, want %s", tc.settings, names(got), tc.want)
		}
		if v := all[0].Flags.Lookup("helper").Value.String(); v != tc.helper {
			t.Errorf("%s: helper = %q, want %q", tc.settings, v, tc.helper)
		}
		if v := all[0].Flags.Lookup("strict").Value.String(); v != tc.strict {
			t.Errorf("%s: strict = %q, want %q", tc.settings, v, tc.strict)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct{ settings, want string }{
		{`{"disable": ["alpha", "gamma"]}`, `disable[1]: unknown pass "gamma" (passes: alpha, beta)`},
		{`{"enable": ["Alpha"]}`, `enable[0]: unknown pass "Alpha" (passes: alpha, beta)`},
		{`{"enable": ["alpha"], "disable": ["alpha"]}`, `disable[0]: pass "alpha" is also listed in enable`},
		{`{"disable": ["alpha", "beta"]}`, `every pass is disabled`},
		{`{"passes": {"gamma": {}}}`, `passes: unknown pass "gamma" (passes: alpha, beta)`},
		{`{"passes": {"alpha": {"helpr": "x"}}}`, `passes.alpha.helpr: unknown option "helpr" of pass alpha (options: helper, strict)`},
		{`{"passes": {"beta": {"helper": "x"}}}`, `passes.beta.helper: unknown option "helper" of pass beta (options: none)`},
		{`{"passes": {"alpha": {"strict": "maybe"}}}`, `passes.alpha.strict: invalid value "maybe"`},
		{`{"passes": {"alpha": {"helper": ["a", "b"]}}}`, `passes.alpha.helper: value must be a string, boolean or number, not []interface {}`},
	} {
		_, err := settings(t, tc.settings).build(suite())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

// TestNewRejectsUnknownKeys checks the strict decoding through the
// registered constructor: a misspelt key is an error that names it.
func TestNewRejectsUnknownKeys(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, conf := range []any{
		map[string]any{"disabled": []any{"x"}},
		map[string]any{"passes": map[string]any{}, "putall": "x"},
	} {
		_, err := newPlugin(conf)
		if err == nil {
			t.Errorf("%v: no error", conf)
			continue
		}
		for k := range conf.(map[string]any) {
			if k != "passes" && !strings.Contains(err.Error(), `unknown field "`+k+`"`) {
				t.Errorf("%v: error %q does not name the key %q", conf, err, k)
			}
		}
		if !strings.HasPrefix(err.Error(), "maplint settings: ") {
			t.Errorf("%v: error %q does not say it is about maplint's settings", conf, err)
		}
	}
}

// TestNewDefaults checks the real suite: no settings run every pass, with
// fresh instances whose options keep their defaults, in types-info mode.
func TestNewDefaults(t *testing.T) {
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	want := maplint.Analyzers()
	if names(got) != names(want) {
		t.Fatalf("passes %s, want %s", names(got), names(want))
	}
	for i := range got {
		if got[i] == want[i] {
			t.Errorf("%s: the plugin uses the shared default instance", got[i].Name)
		}
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
}

// TestNewSetsEveryOption sets every option of every real pass to its
// default value through the settings: every flag of a pass is accepted as
// an option, with its value given as a string.
func TestNewSetsEveryOption(t *testing.T) {
	passes := map[string]any{}
	for _, a := range maplint.Analyzers() {
		opts := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) { opts[f.Name] = f.DefValue })
		passes[a.Name] = opts
	}
	p, err := New(map[string]any{"passes": passes})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	for _, a := range got {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() != f.DefValue {
				t.Errorf("%s.%s = %q, want %q", a.Name, f.Name, f.Value, f.DefValue)
			}
		})
	}
}

func TestJoinInsertions(t *testing.T) {
	e := func(pos, end token.Pos, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
	}
	show := func(es []analysis.TextEdit) string {
		var s []string
		for _, e := range es {
			s = append(s, fmt.Sprintf("%d-%d:%q", e.Pos, e.End, e.NewText))
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct{ in, want []analysis.TextEdit }{
		{nil, nil},
		{[]analysis.TextEdit{e(5, 5, "a")}, []analysis.TextEdit{e(5, 5, "a")}},
		// Two imports added at one place become one edit, in their order;
		// the range rewrite elsewhere stays apart.
		{
			[]analysis.TextEdit{e(10, 10, "import \"maps\"\n"), e(10, 10, "import \"slices\"\n"), e(50, 60, "x")},
			[]analysis.TextEdit{e(10, 10, "import \"maps\"\nimport \"slices\"\n"), e(50, 60, "x")},
		},
		// An invalid End means an insertion; out-of-order edits are sorted
		// stably; a replacement at the insertion point is kept apart, after it.
		{
			[]analysis.TextEdit{e(50, 60, "x"), e(10, 12, "r"), e(10, token.NoPos, "a"), e(10, 10, "b")},
			[]analysis.TextEdit{e(10, token.NoPos, "ab"), e(10, 12, "r"), e(50, 60, "x")},
		},
	} {
		in := slices.Clone(tc.in)
		if got := joinInsertions(tc.in); show(got) != show(tc.want) {
			t.Errorf("joinInsertions(%s) = %s, want %s", show(tc.in), show(got), show(tc.want))
		}
		if show(in) != show(tc.in) {
			t.Errorf("joinInsertions modified its argument: %s", show(tc.in))
		}
	}
}

// TestMergeInsertionsWrapsReport checks that a configured pass reports its
// fixes with joined insertions, and everything else unchanged.
func TestMergeInsertionsWrapsReport(t *testing.T) {
	a := &analysis.Analyzer{Name: "alpha", Doc: "alpha: test pass", Run: func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Pos: 1, Message: "m", SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Fix",
			TextEdits: []analysis.TextEdit{{Pos: 3, End: 3, NewText: []byte("a")}, {Pos: 3, End: 3, NewText: []byte("b")}},
		}}})
		return "result", nil
	}}
	mergeInsertions(a)
	var got []analysis.Diagnostic
	res, err := a.Run(&analysis.Pass{Analyzer: a, Report: func(d analysis.Diagnostic) { got = append(got, d) }})
	if res != "result" || err != nil {
		t.Fatalf("Run = %v, %v", res, err)
	}
	if len(got) != 1 || got[0].Message != "m" || len(got[0].SuggestedFixes) != 1 ||
		len(got[0].SuggestedFixes[0].TextEdits) != 1 || string(got[0].SuggestedFixes[0].TextEdits[0].NewText) != "ab" {
		t.Errorf("reported %+v", got)
	}
}

// TestIterorderOrderFree checks that iterorder's orderfree option, a list
// of types and functions, reaches the pass from .golangci.yml unchanged.
func TestIterorderOrderFree(t *testing.T) {
	const list = "github.com/prometheus/prometheus/discovery/targetgroup.Group,github.com/prometheus/client_golang/prometheus.Metric"
	p, err := New(map[string]any{"passes": map[string]any{"iterorder": map[string]any{"orderfree": list}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.Name != "iterorder" {
			continue
		}
		if v := a.Flags.Lookup("orderfree").Value.String(); v != list {
			t.Errorf("iterorder.orderfree = %q, want %q", v, list)
		}
		return
	}
	t.Error("no iterorder pass")
}

// TestConcurrentwriteSetup checks that concurrentwrite's setup option, a
// list of methods, reaches the pass from .golangci.yml unchanged.
func TestConcurrentwriteSetup(t *testing.T) {
	const list = "github.com/caddyserver/caddy/v2/modules/caddytls.TLS.RegisterServerNames"
	p, err := New(map[string]any{"passes": map[string]any{"concurrentwrite": map[string]any{"setup": list}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.Name != "concurrentwrite" {
			continue
		}
		if v := a.Flags.Lookup("setup").Value.String(); v != list {
			t.Errorf("concurrentwrite.setup = %q, want %q", v, list)
		}
		return
	}
	t.Error("no concurrentwrite pass")
}
