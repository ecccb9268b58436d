package driver

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestTrimCache(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "ab", "abcd-a")
	fresh := filepath.Join(dir, "ab", "abef-a")
	for _, f := range []string{old, fresh} {
		if err := writeFile(f, []byte("entry")); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * trimAge)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	trimCache(dir)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an entry unused for %v survives a trim", 2*trimAge)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh entry was trimmed: %v", err)
	}
	// Within trimInterval of the last trim, nothing is deleted.
	if err := os.Chtimes(fresh, long, long); err != nil {
		t.Fatal(err)
	}
	trimCache(dir)
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("trimmed twice within %v: %v", trimInterval, err)
	}
}
