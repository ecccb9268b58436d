package driver

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// The driver lists packages without -compiled: go list -compiled computes
// the build's action IDs, hashing every file of every package, which
// doubles go list's time and is most of what a warm run costs. Only cgo
// packages need it, for the Go files cgo generates; the driver finds them
// among the packages it analyses from source (a file imports "C") and
// lists each of them with -compiled then. A package's cache key covers the
// Go files, the C headers beside them and the C compiler's settings from
// the environment, from which cgo generates the rest.

// cgoEnv are the variables whose values change what cgo generates.
var cgoEnv = []string{"CC", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_ENABLED"}

// The files cgo generates import packages that the package's own files
// need not: unsafe, runtime/cgo (its Incomplete type stands for incomplete
// C types) and syscall (errno). go list without -compiled does not list
// them among the package's imports, and a package is known to use cgo only
// once its files are read. Their types must still be the run's canonical
// ones: a struct that two cgo packages declare for the same incomplete C
// type is the same type only if both see one runtime/cgo.Incomplete. So
// when cgo is enabled, the run always loads implicitPaths (and what they
// import) as packages of its graph, and every package outside their
// dependencies depends on them (see newGraph): its importer resolves them
// to their nodes, and reading its export data declares their objects in
// their canonical packages (see view).
var implicitPaths = []string{"runtime/cgo", "syscall"}

// loadImplicit returns the packages of implicitPaths, without tests.
func loadImplicit(buildFlags []string) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: loadMode, BuildFlags: buildFlags}
	pkgs, err := packages.Load(cfg, implicitPaths...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != len(implicitPaths) {
		return nil, fmt.Errorf("go list %s: listed %d packages", strings.Join(implicitPaths, " "), len(pkgs))
	}
	return pkgs, nil
}

// usesCgo reports whether a file of srcs imports "C".
func usesCgo(srcs []source) bool {
	for _, s := range srcs {
		if !bytes.Contains(s.data, []byte(`"C"`)) {
			continue
		}
		f, _ := parser.ParseFile(token.NewFileSet(), s.name, s.data, parser.ImportsOnly)
		if f == nil {
			continue
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == "C" {
				return true
			}
		}
	}
	return false
}

// isHeader reports whether name is a C or C++ header, which a cgo
// preamble may include.
func isHeader(name string) bool {
	switch filepath.Ext(name) {
	case ".h", ".hh", ".hpp", ".hxx":
		return true
	}
	return false
}

// cgoLister runs go list -compiled for cgo packages, one at a time, once
// per package path.
type cgoLister struct {
	buildFlags []string
	mu         sync.Mutex
	listed     map[string]*packages.Package
}

// compiledFiles returns the files the compiler sees for p, a cgo package
// or a test variant of one: cgo's output in place of the cgo files.
func (c *cgoLister) compiledFiles(p *packages.Package) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	base, ok := c.listed[p.PkgPath]
	if !ok {
		cfg := &packages.Config{
			Mode:       packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles,
			BuildFlags: c.buildFlags,
		}
		pkgs, err := packages.Load(cfg, "pattern="+p.PkgPath)
		if err != nil {
			return nil, err
		}
		for _, q := range pkgs {
			if q.PkgPath == p.PkgPath {
				base = q
			}
		}
		if base == nil {
			return nil, fmt.Errorf("%s: go list -compiled did not list the package", p.PkgPath)
		}
		if len(base.Errors) > 0 {
			return nil, fmt.Errorf("%s: %v", p.PkgPath, base.Errors[0])
		}
		c.listed[p.PkgPath] = base
	}
	// A test variant adds test files, which cannot use cgo, to the
	// package's files.
	files := slices.Clone(base.CompiledGoFiles)
	for _, f := range p.GoFiles {
		if !slices.Contains(base.GoFiles, f) {
			files = append(files, f)
		}
	}
	return files, nil
}
