package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// go list is most of a warm run: 0.6-0.75 s of the 0.9 s that a run after
// an edit of caddy takes. Its output depends only on what it reads, so the
// driver caches it (kind "l") under a key of everything the go command
// takes from outside the files of packages: its own binary, its
// environment and configuration (go env, which resolves GOENV, GOROOT's
// go.env and the toolchain go.mod selects), the process's environment, the
// directory, patterns and flags, and the main module's go.mod and go.sum.
// The entry then records, and a later run checks, what go list read of the
// files of packages:
//
//   - the main module, where users edit: every directory under its root
//     (but VCS metadata, which nothing may import or embed) with the names
//     of its entries, and of every Go file what go list reads of it (see
//     listedPart), by hash. A file's hash is taken again when its size or
//     modification time differ from the record, or when the record was
//     made less than modTimeCutoff after the file was modified: editing a
//     function body keeps the entry; adding an import or a file does not.
//     The record is taken before go list runs, so a file changed while it
//     runs differs from the record at the next run.
//   - the directories of the listed packages outside it (GOROOT, the
//     module cache), as the analysis cache knows dependencies: their
//     modification time, the names of their entries and the size and
//     modification time of their Go files. It is taken after go list
//     runs, and the entry is not written when anything recorded was
//     modified less than modTimeCutoff before go list started.
//
// What the key cannot cover is not cached: a workspace, a vendor
// directory, a replacement by a local directory (its files are neither
// the main module's nor immutable), -modfile or -overlay in GOFLAGS,
// patterns outside the main module, a symbolic link in its tree, and a
// listing with errors (go list may download what was missing).

// listing is what load takes from the go command.
type listing struct {
	roots, implicit []*packages.Package
	arch            string
	cgo             bool
	cached          bool // from the cache (-debug=list)
}

// listEntry is a cached listing: its packages, dependencies first, and the
// record of the files it was made from.
type listEntry struct {
	Pkgs            []listedPackage
	Roots, Implicit []int // indexes in Pkgs
	Tree            []listedDir
	TreeTime        int64 // when Tree was recorded (UnixNano)
	Deps            []listedDir
}

// listedPackage is a packages.Package: the fields go list fills for
// loadMode.
type listedPackage struct {
	ID, Name, PkgPath, Dir                                         string
	GoFiles, CompiledGoFiles, OtherFiles, IgnoredFiles, EmbedFiles []string
	Imports                                                        map[string]int // import path → index in Pkgs
	Module                                                         *packages.Module
}

// listedDir is a directory as go list saw it.
type listedDir struct {
	Path    string
	ModTime int64 // outside the main module only
	Names   []string
	Files   []listedFile // its Go files
}

// listedFile is a Go file; Sum is set in the main module only.
type listedFile struct {
	Name          string
	Size, ModTime int64
	Sum           []byte // hash of listedPart
}

// goEnv runs go env -json: the go command's configuration, as a map and
// as the bytes that key the listing.
func goEnvJSON() (map[string]string, []byte, error) {
	cmd := exec.Command("go", "env", "-json")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, fmt.Errorf("go env: %v", err)
	}
	env := make(map[string]string)
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, nil, fmt.Errorf("go env -json: %v", err)
	}
	// GOGCCFLAGS names a temporary directory that changes at every run;
	// it derives from CC and the CGO_ variables, which stay.
	delete(env, "GOGCCFLAGS")
	keyed, _ := json.Marshal(env) // sorted keys
	return env, keyed, nil
}

// listKey returns the key of the listing of patterns and the main
// module's root, or "" when the listing cannot be cached (see above).
func listKey(env map[string]string, envJSON []byte, patterns []string, o *options, buildFlags []string) (key, root string) {
	gomod := env["GOMOD"]
	if o.cacheDir == "" || gomod == "" || gomod == os.DevNull ||
		env["GOWORK"] != "" && env["GOWORK"] != "off" ||
		strings.Contains(env["GOFLAGS"], "-modfile") || strings.Contains(env["GOFLAGS"], "-overlay") {
		return "", ""
	}
	root = filepath.Dir(gomod)
	if _, err := os.Stat(filepath.Join(root, "vendor")); err == nil {
		return "", ""
	}
	wd, err := os.Getwd()
	if err != nil || !patternsWithin(patterns, wd, root) {
		return "", ""
	}
	mod, err := os.ReadFile(gomod)
	if err != nil || localReplace(gomod, mod) {
		return "", ""
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil && !os.IsNotExist(err) {
		return "", ""
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", ""
	}
	info, err := os.Stat(gobin)
	if err != nil {
		return "", ""
	}
	environ := slices.Clone(os.Environ())
	sort.Strings(environ)
	h := sha256.New()
	fmt.Fprintf(h, "maplint list 1\ngo %s size %d mtime %d\nenv %s\n", gobin, info.Size(), info.ModTime().UnixNano(), envJSON)
	fmt.Fprintf(h, "environ %q\nwd %s\npatterns %q\nflags %q\ntests %t\n", environ, wd, patterns, buildFlags, o.tests)
	fmt.Fprintf(h, "go.mod %d %s\ngo.sum %d %s\n", len(mod), mod, len(sum), sum)
	return hex.EncodeToString(h.Sum(nil)), root
}

// patternsWithin reports whether every pattern is a directory path, or a
// ... pattern under one, within root.
func patternsWithin(patterns []string, wd, root string) bool {
	for _, p := range patterns {
		if !strings.HasPrefix(p, ".") {
			return false
		}
		dir, _, _ := strings.Cut(filepath.ToSlash(p), "...")
		rel, err := filepath.Rel(root, filepath.Join(wd, filepath.FromSlash(dir)))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return false
		}
	}
	return len(patterns) > 0
}

// localReplace reports whether a go.mod replaces a module by a directory
// (or does not parse).
func localReplace(name string, data []byte) bool {
	f, err := modfile.ParseLax(name, data, nil)
	if err != nil {
		return true
	}
	for _, r := range f.Replace {
		if r.New.Version == "" {
			return true
		}
	}
	return false
}

// list lists the packages of patterns and those of implicitPaths (see
// cgo.go), from the cache when its entry is fresh.
func list(cfg *packages.Config, patterns []string, o *options) (*listing, error) {
	env, envJSON, err := goEnvJSON()
	if err != nil {
		return nil, err
	}
	l := &listing{arch: env["GOARCH"], cgo: env["CGO_ENABLED"] == "1"}
	key, root := listKey(env, envJSON, patterns, o, cfg.BuildFlags)
	c := &graph{o: o} // for its cache methods
	var tree []listedDir
	treeTime := time.Now()
	if key != "" {
		prev := readListEntry(c, key)
		var ok bool
		if tree, ok = walkTree(root, prev); !ok {
			key = ""
		} else if prev != nil && prev.fresh(tree) {
			l.roots, l.implicit = prev.packages()
			l.cached = true
			return l, nil
		}
	}
	listStart := time.Now()
	if err := listPackages(cfg, patterns, l); err != nil {
		return nil, err
	}
	if key != "" {
		e, ok := flatten(l)
		if ok {
			e.Tree, e.TreeTime = tree, treeTime.UnixNano()
			e.Deps, ok = recordDeps(depDirs(e.Pkgs, root, env["GOMODCACHE"]))
		}
		var buf bytes.Buffer
		if ok && !modifiedSince(e.Deps, listStart.Add(-modTimeCutoff).UnixNano()) && gob.NewEncoder(&buf).Encode(e) == nil {
			writeFile(c.cachePath(key, "l"), buf.Bytes()) // an optimisation: failures only cost a go list
		}
	}
	return l, nil
}

// listPackages runs go list on patterns, and alongside, when cgo is
// enabled, on implicitPaths.
func listPackages(cfg *packages.Config, patterns []string, l *listing) error {
	type result struct {
		pkgs []*packages.Package
		err  error
	}
	implicit := make(chan result, 1)
	go func() {
		var r result
		if l.cgo {
			r.pkgs, r.err = loadImplicit(cfg.BuildFlags)
		}
		implicit <- r
	}()
	roots, err := packages.Load(cfg, patterns...)
	r := <-implicit
	if err == nil {
		err = r.err
	}
	l.roots, l.implicit = roots, r.pkgs
	return err
}

// flatten returns the entry of l's packages, dependencies first, or false
// when a package has errors: go list may read more, or download what was
// missing, when it runs again.
func flatten(l *listing) (*listEntry, bool) {
	e := new(listEntry)
	index := make(map[*packages.Package]int)
	var visit func(p *packages.Package) (int, bool)
	visit = func(p *packages.Package) (int, bool) {
		if i, ok := index[p]; ok {
			return i, i >= 0
		}
		if len(p.Errors) > 0 || p.Module != nil && p.Module.Error != nil {
			return 0, false
		}
		index[p] = -1 // a cycle fails
		lp := listedPackage{
			ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Dir: p.Dir,
			GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, OtherFiles: p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles, EmbedFiles: p.EmbedFiles,
			Imports: make(map[string]int, len(p.Imports)), Module: p.Module,
		}
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			i, ok := visit(p.Imports[path])
			if !ok {
				return 0, false
			}
			lp.Imports[path] = i
		}
		e.Pkgs = append(e.Pkgs, lp)
		index[p] = len(e.Pkgs) - 1
		return index[p], true
	}
	for _, set := range []struct {
		pkgs []*packages.Package
		out  *[]int
	}{{l.roots, &e.Roots}, {l.implicit, &e.Implicit}} {
		for _, p := range set.pkgs {
			i, ok := visit(p)
			if !ok {
				return nil, false
			}
			*set.out = append(*set.out, i)
		}
	}
	return e, true
}

// packages returns the roots and implicit packages of e.
func (e *listEntry) packages() (roots, implicit []*packages.Package) {
	pkgs := make([]*packages.Package, len(e.Pkgs))
	for i, lp := range e.Pkgs {
		pkgs[i] = &packages.Package{
			ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath, Dir: lp.Dir,
			GoFiles: lp.GoFiles, CompiledGoFiles: lp.CompiledGoFiles, OtherFiles: lp.OtherFiles,
			IgnoredFiles: lp.IgnoredFiles, EmbedFiles: lp.EmbedFiles,
			Imports: make(map[string]*packages.Package, len(lp.Imports)), Module: lp.Module,
		}
	}
	for i, lp := range e.Pkgs {
		for path, j := range lp.Imports {
			pkgs[i].Imports[path] = pkgs[j]
		}
	}
	for _, i := range e.Roots {
		roots = append(roots, pkgs[i])
	}
	for _, i := range e.Implicit {
		implicit = append(implicit, pkgs[i])
	}
	return roots, implicit
}
