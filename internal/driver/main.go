// Package driver is the standalone maplint command: it loads package
// metadata with go/packages, then analyses packages in dependency order
// from source, keeping of each package only what its dependents need (its
// types, as export data, and its facts), and caches facts and findings on
// disk by content hash, so that a re-run after a one-file change analyses
// only the changed package and its dependents.
//
// The go command's vet protocol (go vet -vettool, go fix -fixtool: a single
// *.cfg argument, -flags, -V=full) goes through x/tools' unitchecker, as
// multichecker does.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/maplint/maplint/internal/version"
)

// Main runs the command on os.Args and exits.
func Main(analyzers ...*analysis.Analyzer) {
	if err := analysis.Validate(analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname(), err)
		os.Exit(1)
	}
	if vetProtocol(os.Args[1:]) {
		// The go command drives us: unitchecker reads the .cfg, facts and
		// export data come from the go command's build cache.
		multichecker.Main(analyzers...)
		return
	}
	os.Exit(run(os.Args[1:], analyzers, os.Stdout, os.Stderr))
}

func progname() string { return filepath.Base(os.Args[0]) }

// vetProtocol reports whether args are the go command's: a single *.cfg
// argument (go vet, go fix), or the -flags query.
func vetProtocol(args []string) bool {
	var positional []string
	for _, a := range args {
		if a == "-flags" || a == "--flags" {
			return true
		}
		if !strings.HasPrefix(a, "-") {
			positional = append(positional, a)
		}
	}
	return len(positional) == 1 && strings.HasSuffix(positional[0], ".cfg")
}

// options are the command's settings.
type options struct {
	json, fix, diff, sarif bool
	tests                  bool
	tags                   string
	context                int
	jobs                   int
	debug                  string
	noCache                bool
	cacheDir               string
	cpuprofile, memprofile string
	trace                  string
	version                string            // maplint's build, part of every cache key
	build                  <-chan hashResult // delivers version, unless nil
}

// hashResult is the hash of the executable, or why there is none.
type hashResult struct {
	id  string
	err error
}

// triState is an enable flag: unset, true or false (like multichecker's).
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) Get() any { return *t == setTrue }
func (t *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*t = setTrue
	} else {
		*t = setFalse
	}
	return nil
}
func (t *triState) String() string {
	if *t == setFalse {
		return "false"
	}
	return "true"
}
func (t *triState) IsBoolFlag() bool { return true }

// versionFlag is -V: -V=full prints the line the go command keys its vet
// cache on, a bare -V maplint's version; either exits.
type versionFlag struct{ w io.Writer }

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (v versionFlag) Set(s string) error {
	var err error
	switch s {
	case "full":
		err = version.PrintFull(v.w)
	case "true":
		err = version.Print(v.w)
	default:
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	if err != nil {
		return err
	}
	os.Exit(0)
	return nil
}

// run is the standalone command; it returns the exit code.
func run(args []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) int {
	var o options
	fs, enabled := newFlags(analyzers, &o, stdout, stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprintf(stderr, `%[1]s is a tool for static analysis of Go programs.

Usage: %[1]s [-flag] [package]

Run '%[1]s help' for more detail,
 or '%[1]s help name' for details and flags of a specific analyzer.
`, progname())
		return 1
	}
	if rest[0] == "help" {
		return help(stdout, stderr, fs, analyzers, rest[1:])
	}
	if rest[0] == "version" && len(rest) == 1 {
		if err := version.Print(stdout); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
			return 1
		}
		return 0
	}
	analyzers = selectAnalyzers(analyzers, enabled)

	// The executable's hash keys the cache: it is computed while go list
	// runs (see check).
	hashc := make(chan hashResult, 1)
	go func() {
		id, err := version.ExecutableHash()
		hashc <- hashResult{id, err}
	}()
	o.build = hashc
	if !o.noCache {
		dir, err := os.UserCacheDir()
		if err == nil {
			o.cacheDir = filepath.Join(dir, "maplint")
		}
	}
	stop, err := startProfiles(&o)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
		return 1
	}
	code := check(rest, analyzers, &o, stdout, stderr)
	if err := stop(); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname(), err)
		return 1
	}
	return code
}

// newFlags returns the command's flags, which set o, and the enable flag
// of each analyzer.
func newFlags(analyzers []*analysis.Analyzer, o *options, stdout, stderr io.Writer) (*flag.FlagSet, map[*analysis.Analyzer]*triState) {
	fs := flag.NewFlagSet(progname(), flag.ContinueOnError)
	fs.SetOutput(stderr)
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		t := new(triState)
		enabled[a] = t
		fs.Var(t, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.BoolVar(&o.json, "json", false, "emit JSON output")
	fs.BoolVar(&o.sarif, "sarif", false, "emit SARIF 2.1.0 output")
	fs.BoolVar(&o.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&o.tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.StringVar(&o.tags, "tags", "", "comma-separated list of build tags to apply when loading packages")
	fs.IntVar(&o.context, "c", -1, "display offending line with this many lines of context (text output)")
	fs.IntVar(&o.jobs, "j", 0, "number of packages analysed at once (default GOMAXPROCS)")
	fs.StringVar(&o.debug, "debug", "", "debug output, comma-separated, to stderr: analysed (the packages analysed, not cached), timing (where each analysed package's time went, and whether its facts mattered), list (whether go list's output came from the cache), facts (a digest of the facts of each analysed package)")
	fs.BoolVar(&o.noCache, "nocache", false, "neither read nor write the cache")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&o.memprofile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&o.trace, "trace", "", "write trace log to this file")
	fs.Var(versionFlag{stdout}, "V", "print version and exit")
	// Flags that multichecker accepted and ignored.
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s [-flag] [package]\n\nRun '%[1]s help' for more detail.\n", progname())
	}
	return fs, enabled
}

// startProfiles starts the profiles that o asks for; stop writes them.
func startProfiles(o *options) (stop func() error, err error) {
	var stops []func() error
	stop = func() error {
		var errs []error
		for _, f := range stops {
			errs = append(errs, f())
		}
		return errors.Join(errs...)
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
		stops = append(stops, func() error { pprof.StopCPUProfile(); return f.Close() })
	}
	if o.trace != "" {
		f, err := os.Create(o.trace)
		if err != nil {
			return nil, errors.Join(err, stop())
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			return nil, errors.Join(err, stop())
		}
		stops = append(stops, func() error { trace.Stop(); return f.Close() })
	}
	if o.memprofile != "" {
		stops = append(stops, func() error {
			f, err := os.Create(o.memprofile)
			if err != nil {
				return err
			}
			runtime.GC()
			return errors.Join(pprof.WriteHeapProfile(f), f.Close())
		})
	}
	return stop, nil
}

// selectAnalyzers applies the enable flags: with any -NAME, only those run;
// otherwise all but the -NAME=false ones.
func selectAnalyzers(all []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var hasTrue, hasFalse bool
	for _, t := range enabled {
		hasTrue = hasTrue || *t == setTrue
		hasFalse = hasFalse || *t == setFalse
	}
	var keep []*analysis.Analyzer
	for _, a := range all {
		switch {
		case hasTrue && *enabled[a] == setTrue,
			!hasTrue && *enabled[a] != setFalse:
			keep = append(keep, a)
		}
	}
	_ = hasFalse
	return keep
}

// help prints the passes, or the doc and flags of the named ones.
func help(stdout, stderr io.Writer, fs *flag.FlagSet, analyzers []*analysis.Analyzer, names []string) int {
	if len(names) == 0 {
		fmt.Fprintf(stdout, "%s is a static analyzer for unsafe use of Go maps.\n\n", progname())
		fmt.Fprintf(stdout, "Usage: %s [-flag] [package...]\n\nRegistered analyzers:\n\n", progname())
		sorted := append([]*analysis.Analyzer(nil), analyzers...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
		for _, a := range sorted {
			title := strings.Split(a.Doc, "\n\n")[0]
			title = strings.TrimPrefix(title, a.Name+": ")
			fmt.Fprintf(stdout, "    %-16s %s\n", a.Name, title)
		}
		fmt.Fprintln(stdout, "\nBy default all analyzers are run.")
		fmt.Fprintln(stdout, "To select specific analyzers, use the -NAME flag for each one,")
		fmt.Fprintln(stdout, " or -NAME=false to run all analyzers not explicitly disabled.")
		fmt.Fprint(stdout, "\nCore flags:\n\n")
		core := flag.NewFlagSet("", flag.ContinueOnError)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") && !isAnalyzerName(analyzers, f.Name) {
				core.Var(f.Value, f.Name, f.Usage)
			}
		})
		core.SetOutput(stdout)
		core.PrintDefaults()
		fmt.Fprintf(stdout, "\nTo see details and flags of a specific analyzer, run '%s help name'.\n", progname())
		return 0
	}
outer:
	for _, name := range names {
		for _, a := range analyzers {
			if a.Name != name {
				continue
			}
			paras := strings.Split(a.Doc, "\n\n")
			title := strings.TrimPrefix(paras[0], a.Name+": ")
			fmt.Fprintf(stdout, "%s: %s\n", a.Name, title)
			af := flag.NewFlagSet(a.Name, flag.ContinueOnError)
			n := 0
			a.Flags.VisitAll(func(f *flag.Flag) {
				af.Var(f.Value, a.Name+"."+f.Name, f.Usage)
				n++
			})
			if n > 0 {
				fmt.Fprint(stdout, "\nAnalyzer flags:\n\n")
				af.SetOutput(stdout)
				af.PrintDefaults()
			}
			if len(paras) > 1 {
				fmt.Fprintf(stdout, "\n%s\n", strings.Join(paras[1:], "\n\n"))
			}
			continue outer
		}
		fmt.Fprintf(stderr, "%s: analyzer %q not registered\n", progname(), name)
		return 1
	}
	return 0
}

func isAnalyzerName(analyzers []*analysis.Analyzer, name string) bool {
	for _, a := range analyzers {
		if a.Name == name {
			return true
		}
	}
	return false
}
