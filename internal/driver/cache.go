package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/driver/output"
)

// The cache holds, per package, what a run keeps of its analysis: export
// data, facts and findings. An entry's key hashes everything the analysis
// depends on: maplint's build (the executable's hash, so analyzers and
// their code), the Go version, the analyzers and their flags, the
// package's identity and the content of its files (for a dependency
// outside the main module, their size and modification time: see process),
// and the keys of its dependencies. A change anywhere thus re-analyses the package and its
// dependents, and nothing else. Beside the entries, the cache holds memos
// of the content hashes of the main module's files (kind "m", see
// sources.go).

// cacheEntry is one package's cached analysis, in three files: its
// findings (the entry proper, "a"), its export data ("x") and its facts
// ("f"). A warm run reads the findings of the roots only; it reads export
// data and facts only for the packages whose dependents it analyses from
// source, when they need them.
type cacheEntry struct {
	Export   []byte
	Facts    []factEntry
	Findings []output.Finding
}

// analyzerConfig is the part of every key that describes the analyzers:
// their names and flag values.
func analyzerConfig(analyzers []*analysis.Analyzer) []byte {
	var b bytes.Buffer
	for _, a := range analyzers {
		fmt.Fprintf(&b, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(&b, "\t-%s=%s\n", f.Name, f.Value)
		})
	}
	return b.Bytes()
}

// cacheKey returns n's key; its dependencies' keys are set.
func (g *graph) cacheKey(n *node, srcs []source) string {
	h := sha256.New()
	fmt.Fprintf(h, "maplint cache 3\nbuild %s\ngo %s %s/%s\n", g.o.version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	h.Write(g.cacheConfig)
	p := n.pkg
	fmt.Fprintf(h, "root %t\nid %s\npath %s\nname %s\nsizes %#v\n", n.root, p.ID, p.PkgPath, p.Name, g.sizes)
	for _, v := range cgoEnv {
		fmt.Fprintf(h, "env %s=%q\n", v, os.Getenv(v))
	}
	if p.Module != nil {
		fmt.Fprintf(h, "module %s %s go %s\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
	}
	for _, s := range srcs {
		if s.stat != "" {
			fmt.Fprintf(h, "file %s %s\n", s.name, s.stat)
			continue
		}
		fmt.Fprintf(h, "file %s %x\n", s.name, s.sum)
	}
	for _, d := range n.deps {
		fmt.Fprintf(h, "dep %s %s\n", d.pkg.PkgPath, d.key)
	}
	for _, d := range n.implicit {
		fmt.Fprintf(h, "implicit %s %s\n", d.pkg.PkgPath, d.key)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (g *graph) cachePath(key, kind string) string {
	return filepath.Join(g.o.cacheDir, key[:2], key+"-"+kind)
}

// cacheGet reports whether key has an entry and returns it, without its
// export data and facts. Only a root's entry is read: a dependency's has no
// findings. A root that nothing imported when it was cached has no export
// data (see analyse): when export is set, the package's dependents need it,
// and its entry counts only if it has export data. (A dependency always
// has dependents, and its entries always have export data.)
func (g *graph) cacheGet(key string, root, export bool) (*cacheEntry, bool) {
	if g.o.cacheDir == "" {
		return nil, false
	}
	path := g.cachePath(key, "a")
	var e cacheEntry
	if root && export {
		if _, err := os.Stat(g.cachePath(key, "x")); err != nil {
			return nil, false
		}
	}
	if !root {
		info, err := os.Stat(path)
		if err != nil {
			return nil, false
		}
		touch(path, info)
		return &e, true
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	markUsed(path)
	if len(data) == 0 {
		return &e, true // no findings (see cachePut)
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e.Findings); err != nil {
		return nil, false
	}
	return &e, true
}

// cacheOpen opens the file of kind of key, if any, and returns its size.
func (g *graph) cacheOpen(key, kind string) (*os.File, int64, bool) {
	if g.o.cacheDir == "" {
		return nil, 0, false
	}
	path := g.cachePath(key, kind)
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, false
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, false
	}
	touch(path, info)
	return f, info.Size(), true
}

// cacheFacts returns the facts of key, if any.
func (g *graph) cacheFacts(key string) ([]factEntry, bool) {
	data, ok := g.cacheRead(key, "f")
	if !ok {
		return nil, false
	}
	if len(data) == 0 {
		return nil, true // no facts (see cachePut)
	}
	var facts []factEntry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&facts); err != nil {
		return nil, false
	}
	return facts, true
}

func (g *graph) cacheRead(key, kind string) ([]byte, bool) {
	if g.o.cacheDir == "" {
		return nil, false
	}
	path := g.cachePath(key, kind)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	markUsed(path)
	return data, true
}

// cachePut stores e under key, the entry proper last: an entry is only
// found once all its files are written. It reports whether they were:
// failures are otherwise ignored, as the cache is an optimisation, and a
// missing entry only costs a re-analysis.
func (g *graph) cachePut(key string, e *cacheEntry) bool {
	if g.o.cacheDir == "" {
		return false
	}
	// gob has no struct tags: each file gets the field it holds, gob
	// encoded, or nothing when it is empty. Most packages have no findings
	// and many no facts, and an empty file needs no decoding: a gob stream
	// describes its types first, and a warm run decoded those of an empty
	// list for every root (on client-go, a tenth of its CPU time).
	var a, f bytes.Buffer
	if len(e.Findings) > 0 && gob.NewEncoder(&a).Encode(e.Findings) != nil ||
		len(e.Facts) > 0 && gob.NewEncoder(&f).Encode(e.Facts) != nil {
		return false
	}
	if e.Export != nil && writeFile(g.cachePath(key, "x"), e.Export) != nil {
		return false
	}
	return writeFile(g.cachePath(key, "f"), f.Bytes()) == nil &&
		writeFile(g.cachePath(key, "a"), a.Bytes()) == nil
}

// writeFile writes data to path atomically.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// Entries unused for trimAge are deleted, at most once every trimInterval:
// an entry's modification time is when a run last used it (markUsed moves
// it forward, coarsely, to spare a write per hit).
const (
	trimAge      = 5 * 24 * time.Hour
	trimInterval = 24 * time.Hour
	usedInterval = time.Hour
)

func markUsed(path string) {
	if info, err := os.Stat(path); err == nil {
		touch(path, info)
	}
}

// touch is markUsed for a file already stat'ed (a warm run stats the
// entry of every dependency: one stat each, not two).
func touch(path string, info os.FileInfo) {
	if time.Since(info.ModTime()) > usedInterval {
		now := time.Now()
		os.Chtimes(path, now, now)
	}
}

// trimCache deletes the entries of dir unused for trimAge, if it was not
// trimmed within trimInterval.
func trimCache(dir string) {
	if dir == "" {
		return
	}
	marker := filepath.Join(dir, "trimmed")
	if info, err := os.Stat(marker); err == nil && time.Since(info.ModTime()) < trimInterval {
		return
	}
	if writeFile(marker, nil) != nil {
		return
	}
	subdirs, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, sub := range subdirs {
		if !sub.IsDir() || len(sub.Name()) != 2 {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(dir, sub.Name()))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > trimAge {
				os.Remove(filepath.Join(dir, sub.Name(), e.Name()))
			}
		}
	}
}
