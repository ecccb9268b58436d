package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestIdentifyMemo checks that the content hashes of files modified over
// modTimeCutoff ago come from the memo, without reading the files, and
// that a file modified since, or too recently, is read.
func TestIdentifyMemo(t *testing.T) {
	dir := t.TempDir()
	g := &graph{o: &options{cacheDir: filepath.Join(dir, "cache")}}
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	write := func(name, content string, d time.Duration) {
		t.Helper()
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-d)
		if err := os.Chtimes(name, then, then); err != nil {
			t.Fatal(err)
		}
	}
	identify := func(what string, wantRead bool) []source {
		t.Helper()
		srcs, err := g.identify([]string{a, b}, true)
		if err != nil {
			t.Fatal(err)
		}
		if read(srcs) != wantRead {
			t.Errorf("%s: files read %t, want %t", what, read(srcs), wantRead)
		}
		return srcs
	}
	write(a, "package p\n", time.Hour)
	write(b, "package p // b\n", time.Hour)
	first := identify("first", true)
	second := identify("second", false)
	for i := range first {
		if !bytes.Equal(first[i].sum, second[i].sum) || len(first[i].sum) == 0 {
			t.Errorf("%s: memoised sum %x, want %x", first[i].name, second[i].sum, first[i].sum)
		}
	}
	// Another content, another (old) modification time: read anew.
	write(b, "package p // B\n", 30*time.Minute)
	third := identify("after a change", true)
	if bytes.Equal(third[1].sum, first[1].sum) {
		t.Errorf("changed file kept its sum %x", third[1].sum)
	}
	identify("after a change, again", false)
	// A file modified just now is read every time.
	write(a, "package p\n", 0)
	identify("recent", true)
	identify("recent, again", true)
	// Without a cache, every file is read.
	g.o.cacheDir = ""
	write(a, "package p\n", time.Hour)
	identify("no cache", true)
}
