package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"time"
)

// A package's files enter its cache key by identity. A dependency's files
// are known by their size and modification time: they live in the module
// cache or GOROOT and seldom change. The files users edit, the roots' and
// the main module's, are known by their content, whose hash a warm run
// takes from a memo in the cache (kind "m"), keyed by the files' names,
// sizes, modes and modification times, instead of reading every file of
// the module again (on client-go, a fifth of a warm run's CPU time). As in
// the go command's test cache, a file modified less than modTimeCutoff ago
// is read, never memoised: a later change within the file system's
// timestamp granularity could otherwise keep its modification time.
const modTimeCutoff = 2 * time.Second

// source is a file of a package and its identity: its content's hash
// (sum), or, for a dependency's file, its size and modification time
// (stat). data holds its content once it has been read.
type source struct {
	name string
	data []byte
	read bool // data is the content
	sum  []byte
	stat string
}

// read reports whether the content of every file of srcs has been read.
func read(srcs []source) bool {
	for _, s := range srcs {
		if !s.read {
			return false
		}
	}
	return true
}

// readSources returns the named files, read when content is set,
// otherwise only stat'ed.
func readSources(names []string, content bool) ([]source, error) {
	srcs := make([]source, 0, len(names))
	for _, name := range names {
		if !content {
			info, err := os.Stat(name)
			if err != nil {
				return srcs, err
			}
			srcs = append(srcs, source{name: name, stat: fmt.Sprintf("size %d mtime %d", info.Size(), info.ModTime().UnixNano())})
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return srcs, err
		}
		sum := sha256.Sum256(data)
		srcs = append(srcs, source{name: name, data: data, read: true, sum: sum[:]})
	}
	return srcs, nil
}

// identify returns the named files with their identities (see above):
// by content when byContent is set, from the memo when it has them, in
// which case the files are not read.
func (g *graph) identify(names []string, byContent bool) ([]source, error) {
	if !byContent || g.o.cacheDir == "" || len(names) == 0 {
		return readSources(names, byContent)
	}
	h := sha256.New()
	fmt.Fprintf(h, "maplint memo 1\n")
	cutoff := time.Now().Add(-modTimeCutoff)
	memoise := true
	for _, name := range names {
		info, err := os.Stat(name)
		if err != nil {
			return readSources(names, true) // reports the error
		}
		memoise = memoise && info.ModTime().Before(cutoff)
		fmt.Fprintf(h, "file %q size %d mode %v mtime %d\n", name, info.Size(), info.Mode(), info.ModTime().UnixNano())
	}
	key := hex.EncodeToString(h.Sum(nil))
	if memoise {
		if sums, ok := g.cacheRead(key, "m"); ok && len(sums) == sha256.Size*len(names) {
			srcs := make([]source, len(names))
			for i, name := range names {
				srcs[i] = source{name: name, sum: sums[i*sha256.Size : (i+1)*sha256.Size]}
			}
			return srcs, nil
		}
	}
	srcs, err := readSources(names, true)
	if err == nil && memoise {
		var sums []byte
		for _, s := range srcs {
			sums = append(sums, s.sum...)
		}
		writeFile(g.cachePath(key, "m"), sums) // an optimisation: failures only cost a read
	}
	return srcs, err
}
