package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The record of the files a cached listing was made from, and its check
// (see listcache.go).

// listedPart returns the part of a Go file that go list reads: up to the
// end of its imports (build constraints, package clause, cgo preamble,
// debug directives), or all of it when it imports "embed", whose embed
// directives go list reads too, or when its header does not parse.
func listedPart(data []byte) []byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", data, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return data
	}
	end := f.Name.End()
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "embed" {
			return data
		}
	}
	for _, d := range f.Decls {
		end = max(end, d.End())
	}
	return data[:fset.File(f.Pos()).Offset(end)]
}

// vcsDirs hold version control metadata: go list ignores them, and
// nothing in them may be imported or embedded.
var vcsDirs = []string{".git", ".hg", ".svn", ".bzr"}

// walkTree records the main module's tree under root (see listcache.go); prev,
// when set, gives the hashes of files unchanged since it was recorded. It
// reports false when the tree holds a symbolic link, which the record
// cannot follow.
func walkTree(root string, prev *listEntry) ([]listedDir, bool) {
	known := make(map[string]listedFile)
	if prev != nil {
		trusted := prev.TreeTime - int64(modTimeCutoff)
		for _, d := range prev.Tree {
			for _, f := range d.Files {
				if f.ModTime < trusted {
					known[filepath.Join(d.Path, f.Name)] = f
				}
			}
		}
	}
	var dirs []listedDir
	var walk func(dir string) bool
	walk = func(dir string) bool {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return false
		}
		d := listedDir{Path: dir}
		var subdirs []string
		for _, e := range entries {
			name := e.Name()
			d.Names = append(d.Names, name)
			switch {
			case e.Type()&fs.ModeSymlink != 0:
				return false
			case e.IsDir():
				if !slices.Contains(vcsDirs, name) {
					subdirs = append(subdirs, filepath.Join(dir, name))
				}
			case strings.HasSuffix(name, ".go"):
				f, ok := recordFile(filepath.Join(dir, name), known)
				if !ok {
					return false
				}
				d.Files = append(d.Files, f)
			}
		}
		dirs = append(dirs, d)
		for _, s := range subdirs {
			if !walk(s) {
				return false
			}
		}
		return true
	}
	return dirs, walk(root)
}

// recordFile returns the record of a Go file of the main module, its hash
// from known when its size and modification time are those recorded.
func recordFile(name string, known map[string]listedFile) (listedFile, bool) {
	info, err := os.Stat(name)
	if err != nil {
		return listedFile{}, false
	}
	f := listedFile{Name: filepath.Base(name), Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	if k, ok := known[name]; ok && k.Size == f.Size && k.ModTime == f.ModTime {
		f.Sum = k.Sum
		return f, true
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return listedFile{}, false
	}
	sum := sha256.Sum256(listedPart(data))
	f.Sum = sum[:]
	return f, true
}

// sameTree reports whether two records of the main module's tree list
// the same directories, entries and hashes.
func sameTree(a, b []listedDir) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !slices.Equal(a[i].Names, b[i].Names) || len(a[i].Files) != len(b[i].Files) {
			return false
		}
		for j, f := range a[i].Files {
			g := b[i].Files[j]
			if f.Name != g.Name || !bytes.Equal(f.Sum, g.Sum) {
				return false
			}
		}
	}
	return true
}

// recordDeps records the directories of the listed packages outside the
// main module (see above). It reports false when one cannot be read.
func recordDeps(dirs []string) ([]listedDir, bool) {
	var out []listedDir
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, false
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, false
		}
		d := listedDir{Path: dir, ModTime: info.ModTime().UnixNano()}
		for _, e := range entries {
			d.Names = append(d.Names, e.Name())
			if !strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			fi, err := os.Stat(filepath.Join(dir, e.Name()))
			if err != nil {
				return nil, false
			}
			d.Files = append(d.Files, listedFile{Name: e.Name(), Size: fi.Size(), ModTime: fi.ModTime().UnixNano()})
		}
		out = append(out, d)
	}
	return out, true
}

// depDirs returns the directories of pkgs outside root and outside the
// module cache, sorted. The module cache is immutable: the go command's
// own index of its packages is keyed by their directory alone
// (cmd/go/internal/modindex).
func depDirs(pkgs []listedPackage, root, modcache string) []string {
	var dirs []string
	for _, p := range pkgs {
		if p.Dir != "" && !within(p.Dir, root) && (modcache == "" || !within(p.Dir, modcache)) {
			dirs = append(dirs, p.Dir)
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// within reports whether path is root or under it.
func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// modifiedSince reports whether a record of dirs was modified at or after t.
func modifiedSince(dirs []listedDir, t int64) bool {
	for _, d := range dirs {
		if d.ModTime >= t {
			return true
		}
		for _, f := range d.Files {
			if f.ModTime >= t {
				return true
			}
		}
	}
	return false
}

// readListEntry reads the entry of key, if any.
func readListEntry(g *graph, key string) *listEntry {
	data, ok := g.cacheRead(key, "l")
	if !ok {
		return nil
	}
	var e listEntry
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&e) != nil {
		return nil
	}
	return &e
}

// fresh reports whether e's record holds of the files now: tree is the
// main module's, as walkTree recorded it just now. A directory outside
// the main module has the names it had if its modification time is the
// same: adding, removing or renaming an entry changes it.
func (e *listEntry) fresh(tree []listedDir) bool {
	if !sameTree(e.Tree, tree) {
		return false
	}
	for _, d := range e.Deps {
		info, err := os.Stat(d.Path)
		if err != nil || info.ModTime().UnixNano() != d.ModTime {
			return false
		}
		for _, f := range d.Files {
			info, err := os.Stat(filepath.Join(d.Path, f.Name))
			if err != nil || info.Size() != f.Size || info.ModTime().UnixNano() != f.ModTime {
				return false
			}
		}
	}
	return true
}
