// Package gclplugin is maplint's golangci-lint v2 module plugin. Importing it
// registers the linter "maplint", which runs every maplint pass (see
// [maplint.Analyzers]) as one golangci-lint linter: findings print as
// "<pass>: <message> (maplint)" and are silenced with //nolint:maplint.
//
// Settings (linters.settings.custom.maplint.settings in .golangci.yml) are
// decoded strictly: an unknown key, pass or option is an error naming it.
//
//	enable:  [nilmerge]            # run only these passes (default: all)
//	disable: [concurrentwrite]     # do not run these passes
//	passes:                        # options of each pass (its flags)
//	  nilmerge:
//	    putall: example.com/m/maps.PutAll
//
// See docs/golangci-lint.md for the build and the configuration.
package gclplugin

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint"
)

// Name is the name of the linter in golangci-lint's configuration, output
// and //nolint directives.
const Name = "maplint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Enable lists the passes to run; empty means all of them.
	Enable []string `json:"enable"`
	// Disable lists passes not to run.
	Disable []string `json:"disable"`
	// Passes maps a pass name to its options: option name (a flag of the
	// pass, as in `maplint -<pass>.<option>`) to value. Values may be
	// strings, booleans or numbers.
	Passes map[string]map[string]any `json:"passes"`
}

// Plugin is the maplint linter plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the settings and builds the configured passes.
// It is the constructor registered with golangci-lint.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("maplint settings: %w", err)
	}
	as, err := s.build(maplint.New())
	if err != nil {
		return nil, fmt.Errorf("maplint settings: %w", err)
	}
	return &Plugin{analyzers: as}, nil
}

// BuildAnalyzers returns the configured passes.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode reports that the passes need type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// build configures the fresh instances all (as returned by maplint.New) and
// returns those that are enabled, in their order.
func (s Settings) build(all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*analysis.Analyzer, len(all))
	var names []string
	for _, a := range all {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	known := func(key, name string) error {
		if _, ok := byName[name]; !ok {
			return fmt.Errorf("%s: unknown pass %q (passes: %s)", key, name, strings.Join(names, ", "))
		}
		return nil
	}

	on := make(map[string]bool, len(all))
	if len(s.Enable) == 0 {
		for _, n := range names {
			on[n] = true
		}
	}
	for i, n := range s.Enable {
		if err := known(fmt.Sprintf("enable[%d]", i), n); err != nil {
			return nil, err
		}
		on[n] = true
	}
	for i, n := range s.Disable {
		if err := known(fmt.Sprintf("disable[%d]", i), n); err != nil {
			return nil, err
		}
		if slices.Contains(s.Enable, n) {
			return nil, fmt.Errorf("disable[%d]: pass %q is also listed in enable", i, n)
		}
		on[n] = false
	}

	// Options, in a fixed order so that the first error is always the same.
	passes := make([]string, 0, len(s.Passes))
	for n := range s.Passes {
		passes = append(passes, n)
	}
	slices.Sort(passes)
	for _, n := range passes {
		if err := known("passes", n); err != nil {
			return nil, err
		}
		a := byName[n]
		opts := s.Passes[n]
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			key := "passes." + n + "." + k
			if a.Flags.Lookup(k) == nil {
				return nil, fmt.Errorf("%s: unknown option %q of pass %s (options: %s)", key, k, n, options(a))
			}
			v, err := optionString(opts[k])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			if err := a.Flags.Set(k, v); err != nil {
				return nil, fmt.Errorf("%s: invalid value %q: %w", key, v, err)
			}
		}
	}

	var res []*analysis.Analyzer
	for _, a := range all {
		if on[a.Name] {
			mergeInsertions(a)
			res = append(res, a)
		}
	}
	if len(res) == 0 && len(all) > 0 {
		return nil, errors.New("every pass is disabled: remove maplint from the enabled linters instead")
	}
	return res, nil
}

// options lists the flags of a, for error messages.
func options(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// optionString turns a decoded YAML/JSON scalar into a flag value.
func optionString(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	default:
		return "", fmt.Errorf("value must be a string, boolean or number, not %T", v)
	}
}
